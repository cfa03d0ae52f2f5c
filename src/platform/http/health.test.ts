import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createLogger } from '../logger.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /healthz without touching a dependency, and /readyz with each dependency up', async () => {
    expect((await t.anonymous.get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.anonymous.get('/readyz');
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      dependencies: {
        database: { state: 'up', kind: t.database.kind, ms: expect.any(Number) },
        // Tests run jobs by hand: the runner is never started, which is not a fault.
        jobRunner: { state: 'up', mode: 'manual', jobs: expect.arrayContaining([expect.objectContaining({ name: 'supervision.overdue', running: false, hung: false })]) },
        notifier: { state: 'up', subscriptions: 0 },
      },
    });
  });

  it('is unavailable (503) when the job runner has stopped, and says so', async () => {
    const other = await buildApp(t.config, t.database, createLogger('silent'));
    try {
      await other.jobRunner.stop();
      const res = await other.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'unavailable',
        dependencies: { database: { state: 'up' }, jobRunner: { state: 'down', mode: 'stopped', error: expect.stringContaining('stopped') }, notifier: { state: 'up' } },
      });
    } finally {
      await other.close();
    }
  });

  it('is unavailable (503) when notifications cannot be listened for, and ready again once they can', async () => {
    let refuse = true;
    const database = {
      ...t.database,
      listen: (channel: string, onMessage: (payload: string) => void, onLost?: (err: Error) => void) =>
        refuse ? Promise.reject(new Error('LISTEN refused')) : t.database.listen(channel, onMessage, onLost),
    };
    const other: FastifyInstance = await buildApp(t.config, database, createLogger('silent'));
    try {
      const res = await other.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'unavailable',
        dependencies: { database: { state: 'up' }, jobRunner: { state: 'up' }, notifier: { state: 'down', error: 'LISTEN refused' } },
      });
      refuse = false;
      const again = await other.inject({ method: 'GET', url: '/readyz' });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().dependencies.notifier.state).toBe('up');
    } finally {
      await other.close();
    }
  });

  it('gives unknown API paths a 404 in the error shape with zh and en', async () => {
    const res = await t.anonymous.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: { zh: expect.any(String), en: expect.any(String) } });
  });
});

describe('health with the database gone', () => {
  it('/readyz is 503 naming the database; API reads fail with 500, which /metrics still reports', async () => {
    const t = await createTestApp();
    try {
      await t.database.close();
      expect((await t.anonymous.get('/healthz')).statusCode).toBe(200);
      const res = await t.anonymous.get('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', dependencies: { database: { state: 'down', kind: t.database.kind, error: expect.any(String) }, jobRunner: { state: 'up' } } });
      const failed = await t.anonymous.get('/api/v1/public/trace/10000000000000000000');
      expect(failed.statusCode).toBe(500);
      expect(failed.json().code).toBe('INTERNAL');
      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toMatch(/^tracenet_http_requests_total\{method="GET",route="\/api\/v1\/public\/trace\/:code",status="500"\} 1$/m);
      expect(metrics.body).toMatch(/^tracenet_http_requests_total\{method="GET",route="\/readyz",status="503"\} 1$/m);
      expect(metrics.body).toMatch(/^tracenet_business_counts_up 0$/m);
      expect(metrics.body).not.toMatch(/^tracenet_business_records\{/m);
    } finally {
      await t.close();
    }
  });
});

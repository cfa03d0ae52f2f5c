import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { requireDeclaredPermission } from '../auth/authenticate.js';

describe('HTTP kernel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends security headers and a CSP on every response', async () => {
    const res = await t.anonymous.get('/healthz');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('gives every response a request id, keeping a well-formed one sent by the client', async () => {
    const generated = await t.anonymous.get('/healthz');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.anonymous.get('/healthz', { 'x-request-id': 'lb-1234' });
    expect(kept.headers['x-request-id']).toBe('lb-1234');
    const replaced = await t.anonymous.get('/healthz', { 'x-request-id': '<script>' });
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('puts the request id into error details, so a user can quote it to support', async () => {
    const res = await t.anonymous.get('/api/v1/agencies', { 'x-request-id': 'support-42' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', details: { requestId: 'support-42' } });
  });

  it('refuses to start when an API route declares no permission', async () => {
    const app = Fastify();
    app.addHook('onRoute', requireDeclaredPermission);
    expect(() => app.get('/api/v1/declared', { config: { permission: 'public' } }, async () => 'x')).not.toThrow();
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no permission/);
  });

  it('answers an oversized body with 413 in the error shape', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a bad cursor with 400 BAD_CURSOR', async () => {
    const moa = await t.login('moa-admin');
    for (const cursor of ['%%%', 'bm90LWpzb24', Buffer.from('[1,2,3]').toString('base64url')]) {
      const res = await moa.get(`/api/v1/agencies?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.js';
import { createLogger } from '../src/platform/logger.js';
import { DEMO_PASSWORD } from '../src/domains/registry/index.js';
import { adminQuery, TEST_SECRET, testDatabaseUrl, withDatabase } from './template.js';

export { DEMO_PASSWORD };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Logs a demo (or any) account in and returns a client that sends its cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
};

export type Client = {
  csrf: string | null;
  /** The session cookie header value, for requests built by hand (multipart uploads). */
  cookie: string | null;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  me: { user: { id: string; username: string }; agency: { id: string; regionCode: string; level: string; kind: string } } | null;
};

/**
 * Anonymous registration limits and the login limits per address high enough for suites that send hundreds of (bad)
 * requests from one address (every injected request comes from 127.0.0.1); the tests of the limits pass their own.
 */
const TEST_LIMITS = { REGISTRATION_RATE_LIMIT: '100000', UPLOAD_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000', LOGIN_GLOBAL_RATE_LIMIT: '100000' };

/**
 * A fresh copy of the seeded template database with the whole app on it, talking HTTP through inject. `env` adds or
 * replaces configuration variables.
 */
export async function createTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  // Uploads go to a folder of this test app's own, removed on close.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tracenet-test-'));
  const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET, DEMO_SEED: 'no', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', DATA_DIR: dataDir, ...TEST_LIMITS, ...options.env });
  const url = testDatabaseUrl();
  let database: Database;
  let drop = async () => {};
  if (url) {
    const name = `tn_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    database = await openPostgres(withDatabase(url, name), 5);
    drop = () => adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
  } else {
    database = await openPglite(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
  }
  const app = await buildApp(config, database, createLogger('silent'));
  await app.ready();

  const client = (cookie: string | null, csrf: string | null): Client => {
    const send = (method: InjectOptions['method'], target: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url: target,
        ...(body === undefined ? {} : typeof body === 'string' ? { payload: body, headers: { 'content-type': 'application/json' } } : { payload: body as object }),
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...headers,
        },
      });
    return {
      csrf,
      cookie,
      me: null,
      get: (u, h) => send('GET', u, undefined, h),
      post: (u, b, h) => send('POST', u, b ?? {}, h),
      patch: (u, b, h) => send('PATCH', u, b ?? {}, h),
      delete: (u, h) => send('DELETE', u, undefined, h),
    };
  };
  const anonymous = client(null, null);

  return {
    app,
    database,
    config,
    anonymous,
    async login(username, password = DEMO_PASSWORD) {
      const res = await anonymous.post('/api/v1/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'tn_session')!;
      const me = res.json();
      const c = client(`tn_session=${cookie.value}`, me.csrfToken);
      c.me = me;
      return c;
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

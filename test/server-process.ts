import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/domains/registry/index.js';
import { TEST_SECRET } from './template.js';

// The real server (node + tsx on src/server.ts) as a child process of a test, for what only a process can show:
// a kill -9 mid-write, a restart, the job queue of a production process.

const ROOT = path.resolve(import.meta.dirname, '..');

export type Server = { proc: ChildProcess; base: string };

/**
 * Starts the server on its own PostgreSQL database and data folder, on a free port; resolves once it prints its
 * address. `jobs` runs it as NODE_ENV=development (its job queue runs, as in production) instead of 'test'.
 */
export function startServer(databaseUrl: string, dataDir: string, opts: { jobs?: boolean; env?: Record<string, string> } = {}): Promise<Server> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: opts.jobs ? 'development' : 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SECRET_KEY: TEST_SECRET,
      DEMO_SEED: 'no',
      DEMO_TRACE: 'no',
      LOG_LEVEL: 'silent',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: m[1]! });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
    });
  });
}

export type Session = { cookie: string; csrf: string };

/** A demo account's session on a server process. */
export async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tn_session='))!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A request as that session (with an Idempotency-Key when given); the status and the body as text. */
export async function call(base: string, s: Session, method: string, route: string, body?: unknown, key?: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { 'idempotency-key': key } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.text() };
}

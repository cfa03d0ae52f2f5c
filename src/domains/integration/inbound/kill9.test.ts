import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exchangeDocument } from '../../../../test/exchange-document.js';
import { signedHeaders, type PartnerKey } from '../../../../test/partner.js';
import { adminQuery, TEST_SECRET, testDatabaseUrl, withDatabase } from '../../../../test/template.js';
import { DEMO_PASSWORD } from '../../registry/index.js';

// Issue 17 §2, acceptance: kill -9 of the server while a document of 10,000 items is being applied leaves nothing
// half-applied; after a restart (and the job's lease running out) the document is applied whole, once. The real
// server process runs its job queue (NODE_ENV development) on a PostgreSQL database of its own.

const url = testDatabaseUrl();
const ROOT = path.resolve(import.meta.dirname, '../../../..');

type Server = { proc: ChildProcess; base: string };

function startServer(databaseUrl: string, dataDir: string): Promise<Server> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, DEMO_SEED: 'no', DEMO_TRACE: 'no', LOG_LEVEL: 'silent' },
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!url)('kill -9 while a document is applied (real server, PostgreSQL)', () => {
  const name = `tn_xk9_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-xkill9-'));
  let server: Server | undefined;
  let db: pg.Client;

  beforeAll(async () => {
    await adminQuery(url!, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    db = new pg.Client({ connectionString: withDatabase(url!, name) });
    await db.connect();
  });
  afterAll(async () => {
    if (server?.proc.exitCode === null) server.proc.kill('SIGKILL');
    await db?.end();
    await adminQuery(url!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const counts = async () =>
    (
      await db.query<{ subjects: number; batches: number; aliases: number; items: number; trades: number }>(
        `SELECT (SELECT count(*)::int FROM subjects WHERE name LIKE '寿光交换主体%') AS subjects, (SELECT count(*)::int FROM batches b JOIN exchange_items i ON i.local_id = b.id) AS batches,
                (SELECT count(*)::int FROM batch_aliases) AS aliases, (SELECT count(*)::int FROM exchange_items) AS items,
                (SELECT count(*)::int FROM trades t JOIN exchange_items i ON i.local_id = t.buyer_batch_id) AS trades`,
      )
    ).rows[0]!;

  it('leaves nothing half-applied, and applies the document whole once after the restart', { timeout: 240_000 }, async () => {
    const dbUrl = withDatabase(url!, name);
    server = await startServer(dbUrl, dataDir);
    const login = await fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'moa-admin', password: DEMO_PASSWORD }) });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('tn_session='))!.split(';')[0]!;
    const session = { cookie, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
    const client = (await (await fetch(`${server.base}/api/v1/integration/clients`, { method: 'POST', headers: session, body: JSON.stringify({ name: '山东省农产品追溯平台', kind: 'provincial_platform', regions: ['37'], operations: ['integration.exchange'] }) })).json()) as { id: string };
    const k = (await (await fetch(`${server.base}/api/v1/integration/clients/${client.id}/keys`, { method: 'POST', headers: session, body: '{}' })).json()) as { key: { id: string }; secret: string };
    const key: PartnerKey = { keyId: k.key.id, secret: k.secret };

    const body = exchangeDocument(1);
    const call = { method: 'POST' as const, url: '/api/v1/integration/documents', body };
    const res = await fetch(`${server.base}${call.url}`, { method: 'POST', headers: { ...signedHeaders(key, call), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(202);
    const doc = (await res.json()) as { id: string };

    // Killed once the job's transaction is writing (a statement of the exchange's bulk writes is in flight).
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle' AND query LIKE '%json_to_recordset%' AND query NOT LIKE '%pg_stat_activity%'`, [name]);
      if (rows.length) break;
      if (Date.now() > deadline) throw new Error('the apply never started writing');
      await sleep(10);
    }
    server.proc.kill('SIGKILL');
    await new Promise((r) => server!.proc.once('exit', r));
    // PostgreSQL rolls the dead connection's transaction back once it notices the client is gone.
    for (let i = 0; i < 200; i++) {
      const { rows } = await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle'`, [name]);
      if (!rows.length) break;
      await sleep(50);
    }
    const [state] = (await db.query<{ state: string }>(`SELECT state FROM exchange_documents WHERE id = $1`, [doc.id])).rows;
    expect(state!.state).toBe('queued');
    expect(await counts()).toEqual({ subjects: 0, batches: 0, aliases: 0, items: 0, trades: 0 });

    // Restarted; the dead worker's lease (10 minutes) is run out by hand rather than waited for.
    server = await startServer(dbUrl, dataDir);
    await db.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE kind = 'integration.document-apply' AND state = 'running'`);
    for (let i = 0; ; i++) {
      const [row] = (await db.query<{ state: string }>(`SELECT state FROM exchange_documents WHERE id = $1`, [doc.id])).rows;
      if (row!.state !== 'queued') {
        expect(row!.state).toBe('applied');
        break;
      }
      if (i > 1800) throw new Error('the document was not applied after the restart');
      await sleep(100);
    }
    expect(await counts()).toEqual({ subjects: 1000, batches: 7000, aliases: 4000, items: 10_000, trades: 3000 });
    const [job] = (await db.query<{ state: string; attempts: number }>(`SELECT state, attempts FROM jobs WHERE kind = 'integration.document-apply'`)).rows;
    expect(job).toEqual({ state: 'succeeded', attempts: 2 });
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exchangeDocument } from '../../../../test/exchange-document.js';
import { signedHeaders, type PartnerKey } from '../../../../test/partner.js';
import { call, login, startServer, type Server } from '../../../../test/server-process.js';
import { adminQuery, testDatabaseUrl, withDatabase } from '../../../../test/template.js';

// Issue 17 §2, acceptance: kill -9 of the server while a document of 10,000 items is being applied leaves nothing
// half-applied; after a restart (and the job's lease running out) the document is applied whole, once. The real
// server process runs its job queue (NODE_ENV development) on a PostgreSQL database of its own.

const url = testDatabaseUrl();

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
    server = await startServer(dbUrl, dataDir, { jobs: true });
    const moa = await login(server.base, 'moa-admin');
    const client = JSON.parse((await call(server.base, moa, 'POST', '/api/v1/integration/clients', { name: '山东省农产品追溯平台', kind: 'provincial_platform', regions: ['37'], operations: ['integration.exchange'] })).body) as { id: string };
    const k = JSON.parse((await call(server.base, moa, 'POST', `/api/v1/integration/clients/${client.id}/keys`, {})).body) as { key: { id: string }; secret: string };
    const key: PartnerKey = { keyId: k.key.id, secret: k.secret };

    const body = exchangeDocument(1);
    const push = { method: 'POST' as const, url: '/api/v1/integration/documents', body };
    const res = await fetch(`${server.base}${push.url}`, { method: 'POST', headers: { ...signedHeaders(key, push), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(202);
    const doc = (await res.json()) as { id: string };

    // Killed once the job's transaction is writing its subjects or batches (not some other set-based insert, such as
    // an audit batch, which would kill the server before the job was claimed).
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle' AND query LIKE '%json_to_recordset%' AND (query LIKE '%INSERT INTO subjects%' OR query LIKE '%INSERT INTO batches%') AND query NOT LIKE '%pg_stat_activity%'`, [name]);
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
    server = await startServer(dbUrl, dataDir, { jobs: true });
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

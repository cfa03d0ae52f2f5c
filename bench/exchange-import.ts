import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../src/bootstrap.js';
import { applyDocument } from '../src/domains/integration/inbound/document.apply.js';
import { submitDocument } from '../src/domains/integration/inbound/document.service.js';
import { documentIn, type DocumentIn } from '../src/domains/integration/inbound/contracts.js';
import { integrationClients } from '../src/domains/integration/schema.js';
import type { ClientActor, CommandContext } from '../src/platform/auth/actor.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres } from '../src/platform/db/client.js';
import { queryRows } from '../src/platform/db/rows.js';
import { createPii } from '../src/platform/pii/pii.js';
import { adminQuery, withDatabase } from '../test/template.js';
import { EXCHANGE_ITEMS as ITEMS, exchangeDocument } from '../test/exchange-document.js';

/**
 * 数据交换 (issue 17 §2, DESIGN.md §8 "bulk import"): a provincial platform's documents of 10,000 items each — per
 * ten items a subject, a base, a product, four batches with the province's codes, two trades to another subject and a
 * market entry — applied by the job's function (check every item, then one transaction) into a fresh PostgreSQL
 * database. Baseline, in the same run and database: `COPY` of every row the documents left in the tables they wrote
 * (subjects, status events, bases, products, batches, codes, trades, edges, aliases, trace events, the item map,
 * public chains and audit entries; not the outbox's and analytics' rows their triggers add) into empty tables of the
 * same shape with their indexes. Then all-or-nothing is checked: a document of 10,000 items with one bad item leaves
 * every table as it was.
 * Budget: ≥ 20,000 items/s and ≥ 0.3× the COPY rate of the same rows.
 */
const DOCS = Number(process.env.BENCH_DOCS ?? 3);
const BUDGET = { min_items_per_s: 20_000, min_ratio_to_copy: 0.3 };
const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tn_bench_exchange_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'tn-bench-exchange-'));
const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: 'bench-secret-key-bench-secret-key-0123456789', DEMO_SEED: 'no', LOG_LEVEL: 'silent', DATA_DIR: dir });
const pii = createPii(config.secretKey);
const TABLES = ['subjects', 'subject_status_events', 'production_bases', 'products', 'batches', 'trace_codes', 'trades', 'batch_edges', 'batch_aliases', 'trace_events', 'exchange_items', 'public_chains', 'audit_log'];

/** Document `d` (test/exchange-document.ts), parsed as the route parses it. */
const document = (d: number, bad = false): DocumentIn => documentIn.parse(exchangeDocument(d, { bad }));

const counts = async (db: Parameters<typeof queryRows>[0]) => {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await queryRows<{ n: string }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(t)}`))[0]!.n);
  return out;
};

await adminQuery(url, `CREATE DATABASE ${name}`);
try {
  const database = await openPostgres(withDatabase(url, name), 4);
  try {
    await prepareDatabase(database, config);
    const db = database.db;
    const [client] = await db
      .insert(integrationClients)
      .values({ name: '山东省农产品追溯平台', kind: 'provincial_platform', regionCode: '37', regions: ['37'], operations: ['integration.exchange'], registeredByAgency: randomUUID(), createdBy: randomUUID() })
      .returning();
    const actor: ClientActor = {
      kind: 'client',
      userId: client!.id,
      username: client!.name,
      displayName: client!.name,
      client: { id: client!.id, kind: 'provincial_platform', name: client!.name, regionCode: '37' },
      regions: ['37'],
      permissions: new Set(['integration.exchange']),
      keyId: 'bench',
    };
    const ctx = (): CommandContext => ({ actor: null, client: actor, meta: { requestId: randomUUID(), ip: '127.0.0.1' } });
    const deps = { db, pii, config };

    let receive_ms = 0;
    let apply_ms = 0;
    const timings: Record<string, number> = {};
    for (let d = 1; d <= DOCS; d++) {
      const doc = document(d);
      let started = performance.now();
      const { document: received } = await submitDocument(deps, ctx(), doc);
      receive_ms += performance.now() - started;
      started = performance.now();
      const outcome = await applyDocument(deps, received.id, timings);
      apply_ms += performance.now() - started;
      if (outcome !== 'applied') throw new Error(`document ${d}: ${outcome}`);
    }
    const items = DOCS * ITEMS;
    const written = await counts(db);
    const rows = Object.values(written).reduce((a, b) => a + b, 0);

    // The same rows by COPY (in this process, pg-copy-streams, no client start-up counted), table by table, into
    // empty copies with the same indexes.
    let copy_ms = 0;
    const raw = new pg.Client({ connectionString: withDatabase(url, name) });
    await raw.connect();
    try {
      for (const t of TABLES) {
        await raw.query(`CREATE TABLE bench_copy_${t} (LIKE ${t} INCLUDING ALL)`);
        const chunks: Buffer[] = [];
        const out = raw.query(copyTo(`COPY ${t} TO STDOUT`));
        out.on('data', (c: Buffer) => chunks.push(c));
        await finished(out);
        const started = performance.now();
        await pipeline(Readable.from(chunks), raw.query(copyFrom(`COPY bench_copy_${t} FROM STDIN`)));
        copy_ms += performance.now() - started;
      }
    } finally {
      await raw.end();
    }

    // All or nothing: 10,000 items, the last product of an unknown class.
    const before = await counts(db);
    const { document: badDoc } = await submitDocument(deps, ctx(), document(DOCS + 1, true));
    let started = performance.now();
    const refusedOutcome = await applyDocument(deps, badDoc.id);
    const refuse_ms = Math.round(performance.now() - started);
    const after = await counts(db);
    // The refusal itself is audited: every other table is as it was.
    const all_or_nothing = refusedOutcome === 'refused' && JSON.stringify({ ...before, audit_log: 0 }) === JSON.stringify({ ...after, audit_log: 0 });
    started = performance.now();

    const items_per_s = Math.round((items / apply_ms) * 1000);
    const copy_items_per_s = Math.round((items / copy_ms) * 1000);
    const ratio = Math.round((items_per_s / copy_items_per_s) * 100) / 100;
    console.log(`written: ${JSON.stringify(written)} (${rows} rows); timings ${JSON.stringify(timings)}`);
    console.log(
      `${items} items in ${DOCS} documents applied in ${Math.round(apply_ms)} ms (${items_per_s} items/s; received in ${Math.round(receive_ms)} ms); ` +
        `COPY of the same ${rows} rows ${Math.round(copy_ms)} ms (${copy_items_per_s} items/s) → ${ratio}×; a bad document refused in ${refuse_ms} ms, tables unchanged: ${all_or_nothing}`,
    );
    const pass = items_per_s >= BUDGET.min_items_per_s && ratio >= BUDGET.min_ratio_to_copy && all_or_nothing;
    console.log(
      JSON.stringify({
        bench: 'exchange-import',
        items,
        documents: DOCS,
        rows,
        apply_ms: Math.round(apply_ms),
        receive_ms: Math.round(receive_ms),
        items_per_s,
        copy_ms: Math.round(copy_ms),
        copy_items_per_s,
        ratio,
        refuse_ms,
        timings,
        all_or_nothing,
        budget: BUDGET,
        pass,
      }),
    );
  } finally {
    await database.close();
  }
} finally {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
  rmSync(dir, { recursive: true, force: true });
}

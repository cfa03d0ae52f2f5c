import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { prepareDatabase } from '../src/bootstrap.js';
import { batches, trades } from '../src/domains/trace/schema.js';
import { confirmTrade, createTrade } from '../src/domains/trace/movements/trade.service.js';
import type { CommandContext, SubjectActor } from '../src/platform/auth/actor.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres } from '../src/platform/db/client.js';
import { queryRows } from '../src/platform/db/rows.js';
import { createNotifier } from '../src/platform/notify/notifier.js';
import { createPii } from '../src/platform/pii/pii.js';
import { adminQuery, withDatabase } from '../test/template.js';

/**
 * Confirmed trades with conservation checks (DESIGN.md §8): 16 concurrent clients on PostgreSQL, each a seller
 * selling 1 kg from its own batch to its own buyer and the buyer confirming it, through the service functions
 * createTrade and confirmTrade (not HTTP): the guarded freeze, the trade row, the trace events and the
 * notifications; on confirmation the stock taken, a type-2 code issued, the buyer's batch and the graph edge —
 * two commands per trade, as in service. The baseline, in the same run and database with 16 clients too, is plain
 * single-row INSERTs of the same rows a confirmed trade leaves (trade, code, batch, edge, two events), one
 * transaction per trade. Budget: trades ≥ 0.25× that rate (docs/decisions.md says why this is "the same rows").
 *
 * Printed beside it (not judged): the rate of plain INSERTs of the trade row alone, and where a trade's time goes.
 */
const CLIENTS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const BUDGET = { min_ratio_to_inserts_of_the_same_rows: 0.25 };
const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'tracenet_bench_trades';
const SECRET = 'bench-secret-key-bench-secret-key-0123456789';
const TOWN = '370783100';
/** BENCH_BUYERS=one-county puts all 16 buyers in one county (every confirmation issues a code from the same counter). */
const ONE_COUNTY = process.env.BENCH_BUYERS === 'one-county';

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The flow and the baselines take turns, ROUNDS slices each, so that a change of load on the shared machine
 * during the run falls on all of them alike and the ratio stays fair.
 */
const ROUNDS = 3;

/** Runs `work` on CLIENTS concurrent loops for `seconds`; answers the completed count and the elapsed time. */
async function forClients(seconds: number, work: (client: number, k: number) => Promise<void>): Promise<{ done: number; seconds: number }> {
  const started = performance.now();
  const until = started + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let k = 0; performance.now() < until; k++) {
        await work(client, k);
        done++;
      }
    }),
  );
  return { done, seconds: (performance.now() - started) / 1000 };
}

await adminQuery(url, `DROP DATABASE IF EXISTS ${dbName}`);
await adminQuery(url, `CREATE DATABASE ${dbName}`);
try {
  const database = await openPostgres(withDatabase(url, dbName), CLIENTS + 4);
  const notifier = createNotifier(database);
  try {
    const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: SECRET, DEMO_SEED: 'no', LOG_LEVEL: 'silent', DATABASE_URL: withDatabase(url, dbName) });
    const pii = createPii(SECRET);
    const db = database.db;
    await prepareDatabase(database, config);

    // 16 sellers with a product and a large batch each, and 16 buyers with an electronic identity token.
    const party = (role: 'seller' | 'buyer', i: number) => ({ id: randomUUID(), userId: randomUUID(), name: `${role === 'seller' ? '合作社' : '批发商'}${i}`, token: `bench${role}${String(i).padStart(12, '0')}` });
    const sellers = Array.from({ length: CLIENTS }, (_, i) => ({ ...party('seller', i), productId: randomUUID(), batchId: randomUUID() }));
    const buyers = Array.from({ length: CLIENTS }, (_, i) => party('buyer', i));
    // Buyers in 16 counties (first townships of counties spread over the country), or all in the sellers' county.
    const towns = await queryRows<{ town: string }>(db, sql`SELECT min(code) AS town FROM regions WHERE level = 4 GROUP BY parent_code ORDER BY md5(parent_code) LIMIT ${CLIENTS}`);
    const townOf = new Map<string, string>(buyers.map((b, i) => [b.id, ONE_COUNTY ? TOWN : towns[i]!.town]));
    for (const s of [...sellers, ...buyers]) {
      await db.execute(sql`INSERT INTO subjects (id, category, org_form, name, industries, region_code, status, e_token, e_token_issued_at, registered_at)
        VALUES (${s.id}::uuid, 2, 0, ${s.name}, '{planting}', ${townOf.get(s.id) ?? TOWN}, 'active', ${s.token}, now(), now())`);
    }
    for (const [i, s] of sellers.entries()) {
      await db.execute(sql`INSERT INTO products (id, subject_id, name, class_code, spec, unit, created_by) VALUES (${s.productId}::uuid, ${s.id}::uuid, ${`番茄${i}`}, '04', '散装', 'kg', ${s.userId}::uuid)`);
      await db.insert(batches).values({ id: s.batchId, code: `1370783${String(i).padStart(12, '0')}0`, subjectId: s.id, regionCode: TOWN, productId: s.productId, source: 'own', quantity: 1e9, unit: 'kg', stock: 1e9, harvestDate: '2026-03-01', selfCheck: 'pass', createdBy: s.userId });
    }
    const actor = (p: { id: string; userId: string; name: string }): SubjectActor => ({
      kind: 'subject',
      userId: p.userId,
      username: p.name,
      displayName: p.name,
      role: 'admin',
      permissions: new Set(['trace.read', 'trace.write']),
      mustChangePassword: false,
      subject: { id: p.id, name: p.name, regionCode: townOf.get(p.id) ?? TOWN, status: 'active' },
      accountNo: 1,
    });
    const ctx = (p: { id: string; userId: string; name: string }, k: number): CommandContext => ({ actor: actor(p), meta: { requestId: `bench-${k}`, ip: '127.0.0.1' } });
    // BENCH_NOTIFY=off (profiling only): notifications dropped, to show what NOTIFY's commit lock costs.
    const deps = { db, config, pii, notifier: process.env.BENCH_NOTIFY === 'off' ? { ...notifier, publish: async () => {}, noticeSql: () => sql`NULL` } : notifier };

    // Warm-up: a few trades per client (connections, plans, JIT), not counted.
    const sale = (client: number) => ({ batchId: sellers[client]!.batchId, buyerToken: buyers[client]!.token, quantity: 1, unit: 'kg' as const });
    for (let client = 0; client < CLIENTS; client++) {
      const t = await createTrade(deps, ctx(sellers[client]!, 0), sale(client));
      await confirmTrade(deps, ctx(buyers[client]!, 0), t.id);
    }

    // Where a trade's time goes: every statement the flow sends, timed from the client (round trip included).
    const profile = new Map<string, { n: number; ms: number }>();
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    const profiled = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim();
      const key = /^(begin|commit|rollback)/i.test(text) ? text.split(' ')[0]!.toUpperCase() : text.slice(0, 90);
      const t0 = performance.now();
      const done = () => {
        const p = profile.get(key) ?? { n: 0, ms: 0 };
        p.n++;
        p.ms += performance.now() - t0;
        profile.set(key, p);
      };
      // pool.query (outside a transaction) passes a callback; a transaction's client awaits the promise.
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (...res: unknown[]) => {
          done();
          return (callback as (...r: unknown[]) => unknown)(...res);
        };
      }
      const result = query.apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === 'function') void (result as Promise<unknown>).then(done, () => {});
      return result;
    } as typeof pg.Client.prototype.query;

    const tradeRow = (client: number) => ({
      kind: 'scan',
      sellerSubjectId: sellers[client]!.id,
      buyerSubjectId: buyers[client]!.id,
      batchId: sellers[client]!.batchId,
      quantity: 1,
      unit: 'kg',
      status: 'confirmed',
      buyerBatchId: randomUUID(),
      decidedAt: new Date(),
    });
    let serial = 1_000_000;
    let saleMs = 0;
    let confirmMs = 0;
    const phases = {
      // The flow: a sale and its confirmation, every statement it sends profiled.
      flow: async (client: number, k: number) => {
        const t0 = performance.now();
        const t = await createTrade(deps, ctx(sellers[client]!, k), sale(client));
        const t1 = performance.now();
        await confirmTrade(deps, ctx(buyers[client]!, k), t.id);
        saleMs += t1 - t0;
        confirmMs += performance.now() - t1;
      },
      // The baseline: every row a confirmed trade leaves, as plain single-row INSERTs in one transaction per trade.
      sameRows: async (client: number) => {
        const s = sellers[client]!;
        const b = buyers[client]!;
        const batchId = randomUUID();
        const code = `2370783${String(serial++).padStart(12, '0')}0`;
        await db.transaction(async (tx) => {
          await tx.insert(trades).values(tradeRow(client));
          await tx.execute(sql`INSERT INTO trace_codes (code, type, county, province, counter, subject_id, batch_id) VALUES (${code}, 2, '370783', '37', ${serial}, ${b.id}::uuid, ${batchId}::uuid)`);
          await tx.insert(batches).values({ id: batchId, code, subjectId: b.id, regionCode: TOWN, productId: s.productId, source: 'purchase', quantity: 1, unit: 'kg', stock: 1, harvestDate: '2026-03-01', selfCheck: 'none', createdBy: b.userId });
          await tx.execute(sql`INSERT INTO batch_edges (from_batch_id, to_batch_id, kind, quantity) VALUES (${s.batchId}::uuid, ${batchId}::uuid, 'trade', 1)`);
          for (const who of [s, b]) {
            await tx.execute(sql`INSERT INTO trace_events (event_type, action, biz_step, codes, subject_id, actor_id, region_code, detail)
              VALUES ('TransactionEvent', 'ADD', 'shipping', ${`{${code}}`}::varchar[], ${who.id}::uuid, ${who.userId}::uuid, ${TOWN}, '{}'::jsonb)`);
          }
        });
      },
      // Not judged: the trade row alone, one autocommit INSERT each.
      tradeRow: async (client: number) => {
        await db.insert(trades).values(tradeRow(client));
      },
    };
    const totals = { flow: { done: 0, seconds: 0 }, sameRows: { done: 0, seconds: 0 }, tradeRow: { done: 0, seconds: 0 } };
    for (let r = 0; r < ROUNDS; r++) {
      for (const name of ['flow', 'sameRows', 'tradeRow'] as const) {
        if (name === 'flow') pg.Client.prototype.query = profiled;
        const slice = await forClients(SECONDS / ROUNDS, phases[name]);
        pg.Client.prototype.query = query as typeof pg.Client.prototype.query;
        totals[name].done += slice.done;
        totals[name].seconds += slice.seconds;
      }
    }
    const flow = totals.flow;
    const trades_per_s = round(flow.done / flow.seconds, 1);
    const insert_all_rows_per_s = round(totals.sameRows.done / totals.sameRows.seconds, 1);
    const insert_per_s = round(totals.tradeRow.done / totals.tradeRow.seconds, 1);
    const statements = [...profile.values()].reduce((a, p) => a + p.n, 0);
    console.log(`per trade: ${round(statements / flow.done, 1)} statements; the slowest in total (client-side time, summed over the ${CLIENTS} clients):`);
    for (const [text, p] of [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 24)) {
      console.log(`  ${String(round(p.n / flow.done, 2)).padStart(5)}× ${String(round(p.ms / p.n, 2)).padStart(7)} ms  ${text}`);
    }
    // Conservation held: every confirmed trade (the warm-up's and the flow's) took its kilo, nothing is left frozen.
    const [check] = await queryRows<{ shipped: number; frozen: number }>(
      db,
      sql`SELECT (SELECT sum(1e9 - stock)::float8 FROM batches WHERE source = 'own') AS shipped, (SELECT sum(frozen)::float8 FROM batches) AS frozen`,
    );
    if (check!.shipped !== CLIENTS + flow.done || check!.frozen !== 0) throw new Error(`conservation broken: ${JSON.stringify(check)}, ${CLIENTS + flow.done} trades`);

    const ratio = round(trades_per_s / insert_all_rows_per_s, 3);
    const sale_ms = round(saleMs / flow.done);
    const confirm_ms = round(confirmMs / flow.done);
    console.log(`${flow.done} confirmed trades in ${round(flow.seconds, 1)} s by ${CLIENTS} clients: ${trades_per_s}/s (a sale ${sale_ms} ms, its confirmation ${confirm_ms} ms, each client's mean)`);
    console.log(`plain INSERTs of every row a trade leaves, one transaction per trade: ${insert_all_rows_per_s}/s → ratio ${ratio}; of the trade row alone: ${insert_per_s}/s (${round(trades_per_s / insert_per_s, 3)}×)`);
    console.log(
      JSON.stringify({
        bench: 'trades',
        clients: CLIENTS,
        seconds: SECONDS,
        trades: flow.done,
        trades_per_s,
        sale_ms,
        confirm_ms,
        insert_same_rows_per_s: insert_all_rows_per_s,
        ratio,
        insert_trade_row_per_s: insert_per_s,
        ratio_to_trade_row_inserts: round(trades_per_s / insert_per_s, 3),
        budget: BUDGET,
        pass: ratio >= BUDGET.min_ratio_to_inserts_of_the_same_rows,
      }),
    );
  } finally {
    await notifier.close();
    await database.close();
  }
} finally {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${dbName}`);
}

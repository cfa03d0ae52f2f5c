import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/platform/config.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.js';
import { createPii } from '../src/platform/pii/pii.js';
import { adminQuery, withDatabase } from '../test/template.js';
import { buildChains, type Chains } from './lib-public-chains.js';

/**
 * Public trace look-up by code (DESIGN.md §8): PostgreSQL holding 1,000,000 batches in supply chains
 * (lib-public-chains.ts), the app in a child process as src/server.ts runs it, 64 keep-alive connections from
 * 127.0.0.1 asking for random existing codes. Judged: the consumer's page `GET /t/{code}` against the same run's
 * baseline, a bare Fastify route (same Fastify, own child process) doing one primary-key select of a batch by a
 * random id on the same table with `pg` and a pool the app's size (PG_POOL_SIZE). Budget: page throughput ≥ 0.5× the
 * baseline's, and page p99 ≤ 2× the baseline's p99. Printed beside it, not judged: the same facts as JSON
 * (`GET /api/v1/public/trace/{code}`), and the whole benchmark again on PGlite (fewer batches: building a million
 * in WASM would take most of the run), where the app and the baseline share one process, as one process holds a
 * PGlite data folder.
 *
 * The load generator (autocannon), the servers and PostgreSQL share this machine's two cores, so absolute figures
 * drift; the phases take turns (baseline, page, JSON; ROUNDS times) so that drift falls on all alike. The app logs
 * at `warn` (no line per request) and its per-IP limit on public look-ups is lifted (PUBLIC_RATE_LIMIT): 64
 * connections from one address are a load test here, not an abuser. Any answer but 200 fails the run.
 */
const CONNECTIONS = 64;
/** Seconds of load on each of baseline, page and JSON, in ROUNDS slices; a third of it on PGlite (not judged). */
// `--small` (CI): 100,000 batches (10,000 on PGlite) and 6 s of load; the full size by hand.
const SMALL = process.argv.includes('--small');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMALL ? 6 : 15));
const PGLITE_SECONDS = SECONDS / 3;
const ROUNDS = 3;
const WARMUP_SECONDS = 2;
const BATCHES = SMALL ? 100_000 : 1_000_000;
const PGLITE_BATCHES = Number(process.env.BENCH_PGLITE_BATCHES ?? (SMALL ? 10_000 : 100_000));
/** Random batches the requests draw from (codes for the app, ids for the baseline). */
const SAMPLE = 100_000;
const BUDGET = { min_ratio: 0.5, max_p99_ratio: 2 };
const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'tracenet_bench_public';
const SECRET = 'bench-secret-key-bench-secret-key-0123456789';
const root = path.resolve(import.meta.dirname, '..');

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (sorted: ArrayLike<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const secondsSince = (since: number) => round((performance.now() - since) / 1000, 1);

/** Starts lib-public-lookup-server.ts serving `serve`; answers its ports and the way to stop it. */
async function startServers(serve: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lib-public-lookup-server.ts')], {
    cwd: root,
    env: { ...process.env, ...env, BENCH_SERVE: serve, SECRET_KEY: SECRET, LOG_LEVEL: 'warn', DEMO_SEED: 'no', PUBLIC_RATE_LIMIT: '10000000' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ports = await Promise.race([
    once(child, 'message').then(([m]) => (m as { ports: Record<string, number> }).ports),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`the ${serve} server exited with ${code}`))),
  ]);
  return {
    ports,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

type Target = { name: string; base: string; path: (k: number) => string };
type Tally = { done: number; seconds: number; bytes: number; latencies: number[] };

/** `seconds` of load by CONNECTIONS keep-alive connections, each request for a random one of the sample. */
async function load(target: Target, seconds: number, tally?: Tally): Promise<void> {
  let done = 0;
  let bytes = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ setupRequest: (request) => ({ ...request, path: target.path(Math.floor(Math.random() * SAMPLE)) }) }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, _status, resBytes, ms) => {
      done++;
      bytes += resBytes;
      latencies.push(ms);
    });
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${target.name}: ${result.non2xx} answers not 2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  if (tally) {
    tally.done += done;
    tally.seconds += result.duration;
    tally.bytes += bytes;
    for (const l of latencies) tally.latencies.push(l);
  }
}

type Figures = { per_s: number; p50_ms: number; p99_ms: number; kb: number };
const figuresOf = (t: Tally): Figures => {
  const sorted = Float64Array.from(t.latencies).sort();
  return { per_s: round(t.done / t.seconds, 1), p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), kb: round(t.bytes / t.done / 1024, 1) };
};

/** The page and the JSON of a market-entry voucher's code carry its whole chain and its producer's certificates. */
async function checkFacts(app: string, chains: Chains) {
  let i = 0;
  while (!chains.isVoucher(i)) i++;
  const code = chains.code(i);
  const json = await fetch(`${app}/api/v1/public/trace/${code}`);
  const facts = (await json.json()) as { product?: { name: string }; producers?: { name: string; certificates: unknown[] }[]; chain?: unknown[] };
  if (json.status !== 200 || !facts.product || !facts.producers?.[0]?.certificates.length || (facts.chain?.length ?? 0) < 3) {
    throw new Error(`GET /api/v1/public/trace/${code}: ${json.status} ${JSON.stringify(facts).slice(0, 300)}`);
  }
  const page = await fetch(`${app}/t/${code}`);
  const html = await page.text();
  if (page.status !== 200 || !page.headers.get('content-type')?.startsWith('text/html') || !html.includes(facts.product.name) || !html.includes(facts.producers[0]!.name)) {
    throw new Error(`GET /t/${code}: ${page.status} ${page.headers.get('content-type')}, without the product or its producer`);
  }
}

/** The three phases against servers already listening: warm-up, then ROUNDS turns of baseline, page and JSON. */
async function measure(label: string, chains: Chains, ports: { app: number; baseline: number }, seconds: number) {
  const sample = Array.from({ length: SAMPLE }, () => Math.floor(Math.random() * chains.batches));
  const codes = sample.map((i) => chains.code(i));
  const ids = sample.map((i) => chains.id(i));
  const app = `http://127.0.0.1:${ports.app}`;
  await checkFacts(app, chains);
  const targets: Target[] = [
    { name: 'baseline', base: `http://127.0.0.1:${ports.baseline}`, path: (k) => `/batches/${ids[k]}` },
    { name: 'page', base: app, path: (k) => `/t/${codes[k]}` },
    { name: 'json', base: app, path: (k) => `/api/v1/public/trace/${codes[k]}` },
  ];
  for (const t of targets) await load(t, WARMUP_SECONDS);
  const tallies = new Map(targets.map((t) => [t.name, { done: 0, seconds: 0, bytes: 0, latencies: [] } as Tally]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const t of targets) await load(t, seconds / ROUNDS, tallies.get(t.name));
  }
  const [baseline, page, json] = targets.map((t) => figuresOf(tallies.get(t.name)!)) as [Figures, Figures, Figures];
  const of = (f: Figures) => ({ ratio: round(f.per_s / baseline.per_s, 3), p99_ratio: round(f.p99_ms / baseline.p99_ms, 2) });
  for (const [name, f] of [['baseline', baseline], ['page /t/{code}', page], ['json /api/v1/public/trace/{code}', json]] as const) {
    const vs = name === 'baseline' ? '' : `; ${of(f).ratio}× the baseline's rate, p99 ${of(f).p99_ratio}× its p99`;
    console.log(`${label} ${name}: ${f.per_s}/s, p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms, ${f.kb} kB an answer${vs}`);
  }
  return {
    lookups_per_s: page.per_s,
    p50_ms: page.p50_ms,
    p99_ms: page.p99_ms,
    page_kb: page.kb,
    baseline_per_s: baseline.per_s,
    baseline_p50_ms: baseline.p50_ms,
    baseline_p99_ms: baseline.p99_ms,
    ...of(page),
    json: { lookups_per_s: json.per_s, p50_ms: json.p50_ms, p99_ms: json.p99_ms, kb: json.kb, ...of(json) },
  };
}

/** Builds the chains on a fresh, prepared database and closes it; the servers open it themselves. */
async function build(database: Database, label: string, batches: number): Promise<Chains & { build_s: number }> {
  const started = performance.now();
  try {
    await prepareDatabase(database, loadConfig({ NODE_ENV: 'test', SECRET_KEY: SECRET, DEMO_SEED: 'no', LOG_LEVEL: 'silent' }));
    console.log(`${label}: migrated, regions and product classes loaded at ${secondsSince(started)} s`);
    const chains = await buildChains(database, createPii(SECRET), SECRET, batches, (step) => console.log(`  ${step} at ${secondsSince(started)} s`));
    return { ...chains, build_s: secondsSince(started) };
  } finally {
    await database.close();
  }
}

const pgUrl = withDatabase(url, dbName);
await adminQuery(url, `DROP DATABASE IF EXISTS ${dbName}`);
await adminQuery(url, `CREATE DATABASE ${dbName}`);
try {
  const chains = await build(await openPostgres(pgUrl, 4), 'PostgreSQL', BATCHES);
  console.log(`PostgreSQL: ${chains.batches} batches in ${chains.chains} chains, built in ${chains.build_s} s`);
  const env = { NODE_ENV: 'production', DATABASE_URL: pgUrl };
  const servers: Awaited<ReturnType<typeof startServers>>[] = [];
  let postgres;
  try {
    for (const serve of ['app', 'baseline']) servers.push(await startServers(serve, env));
    postgres = await measure('PostgreSQL', chains, { app: servers[0]!.ports.app!, baseline: servers[1]!.ports.baseline! }, SECONDS);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-bench-public-'));
  let pglite;
  try {
    const small = await build(await openPglite(dataDir), 'PGlite', PGLITE_BATCHES);
    console.log(`PGlite: ${small.batches} batches in ${small.chains} chains, built in ${small.build_s} s`);
    const both = await startServers('app,baseline', { NODE_ENV: 'development', DATABASE_URL: '', DATA_DIR: dataDir });
    try {
      pglite = { batches: small.batches, seconds: PGLITE_SECONDS, ...(await measure('PGlite', small, { app: both.ports.app!, baseline: both.ports.baseline! }, PGLITE_SECONDS)) };
    } finally {
      await both.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(
    JSON.stringify({
      bench: 'public-lookup',
      small: SMALL,
      batches: chains.batches,
      connections: CONNECTIONS,
      seconds: SECONDS,
      ...postgres,
      build_s: chains.build_s,
      pglite,
      budget: BUDGET,
      pass: postgres.ratio >= BUDGET.min_ratio && postgres.p99_ratio <= BUDGET.max_p99_ratio,
    }),
  );
} finally {
  if (!process.env.BENCH_KEEP) await adminQuery(url, `DROP DATABASE IF EXISTS ${dbName}`);
}

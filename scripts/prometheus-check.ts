/**
 * CI check of /metrics against the real Prometheus (issue 14 §2), run by `.ci/run`: starts Tracenet on a fresh
 * embedded database and a free loopback port, lints a scrape with `promtool check metrics`, runs Prometheus on
 * loopback (temporary config and data folder, 1 s scrape and evaluation) scraping it with one alert rule on the 5xx
 * rate, then closes the database so that API reads answer 500, and waits until Prometheus's API reports the alert
 * firing. Prints its figures; exits non-zero on any failure or after two minutes.
 *
 *   npx tsx scripts/prometheus-check.ts          (needs /usr/bin/prometheus and /usr/bin/promtool)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { openDatabase, prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';

const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const LIMIT_MS = 110_000;
const ALERT = 'TracenetHighErrorRate';

const started = performance.now();
const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[${since()}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'tracenet-prometheus-'));
let prometheus: ChildProcess | undefined;
let prometheusLog = '';
const cleanups: (() => Promise<unknown>)[] = [];

async function main() {
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'silent', DEMO_SEED: 'no', DEMO_TRACE: 'no', HOST: '127.0.0.1', PORT: '0' });
  const database = await openDatabase(config);
  cleanups.push(() => database.close());
  await prepareDatabase(database, config);
  const app = await buildApp(config, database, createLogger('silent'));
  cleanups.unshift(() => app.close());
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const target = new URL(base).host;
  say(`Tracenet listening on ${base} (${database.kind})`);

  // Some ordinary traffic, so that the lint sees every kind of series (histograms with values, several routes).
  for (let i = 0; i < 5; i++) {
    await fetch(`${base}/healthz`);
    await fetch(`${base}/readyz`);
    await fetch(`${base}/api/v1/public/trace/10000000000000000000`);
  }
  const exposition = await (await fetch(`${base}/metrics`)).text();
  const lint = spawnSync(PROMTOOL, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if (lint.status !== 0) throw new Error(`promtool check metrics failed (${lint.status}):\n${lint.stdout}${lint.stderr}`);
  const series = exposition.split('\n').filter((l) => l && !l.startsWith('#')).length;
  const families = exposition.split('\n').filter((l) => l.startsWith('# TYPE ')).length;
  say(`promtool check metrics: clean (${families} metric families, ${series} series, ${exposition.length} bytes)`);

  // Short windows so that the alert can fire within the test; production rules use minutes (README, Monitoring).
  const rules = `groups:
  - name: tracenet
    rules:
      - alert: ${ALERT}
        expr: sum(rate(tracenet_http_requests_total{status=~"5.."}[10s])) / sum(rate(tracenet_http_requests_total[10s])) > 0.05
        for: 2s
        labels: { severity: page }
        annotations: { summary: "More than 5% of Tracenet's answers are server errors" }
`;
  const promPort = await freePort();
  writeFileSync(path.join(work, 'rules.yml'), rules);
  writeFileSync(
    path.join(work, 'prometheus.yml'),
    `global: { scrape_interval: 1s, evaluation_interval: 1s }
rule_files: [rules.yml]
scrape_configs:
  - job_name: tracenet
    metrics_path: /metrics
    static_configs: [{ targets: ['${target}'] }]
`,
  );
  for (const args of [
    ['check', 'rules', path.join(work, 'rules.yml')],
    ['check', 'config', path.join(work, 'prometheus.yml')],
  ]) {
    const r = spawnSync(PROMTOOL, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`promtool ${args.slice(0, 2).join(' ')} failed:\n${r.stdout}${r.stderr}`);
  }

  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(work, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(work, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--log.level=warn',
    ],
    { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  prometheus.stdout?.on('data', (c: Buffer) => (prometheusLog += c.toString()));
  prometheus.stderr?.on('data', (c: Buffer) => (prometheusLog += c.toString()));
  const api = `http://127.0.0.1:${promPort}`;
  const query = async (q: string) => {
    const body = (await (await fetch(`${api}/api/v1/query?query=${encodeURIComponent(q)}`)).json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    return body.data.result;
  };
  await until('Prometheus to be ready', 30_000, async () => ((await fetch(`${api}/-/ready`)).ok ? true : undefined));
  say(`Prometheus ${spawnSync(PROMETHEUS, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]} ready on ${api}`);

  const scraped = await until('a successful scrape of Tracenet', 30_000, async () => {
    const [up] = await query('up{job="tracenet"}');
    return up?.value[1] === '1' ? up : undefined;
  });
  say(`Prometheus scrapes Tracenet: up=1 (${(await query('scrape_samples_scraped{job="tracenet"}'))[0]?.value[1]} samples, ${Number((await query('scrape_duration_seconds{job="tracenet"}'))[0]?.value[1]) * 1000} ms) at ${new Date(scraped.value[0] * 1000).toISOString()}`);

  // Healthy traffic for a few scrapes: the alert must stay quiet.
  for (let i = 0; i < 20; i++) {
    await fetch(`${base}/healthz`);
    await sleep(150);
  }
  const quiet = await alertState();
  if (quiet !== 'inactive') throw new Error(`the alert was ${quiet} before any server error`);
  say('alert inactive on healthy traffic');

  // The database goes away: every API read now answers 500, while /metrics (no database needed) still answers.
  await database.close();
  const brokenAt = performance.now();
  let errors = 0;
  let others = 0;
  let firing = false;
  const provoke = (async () => {
    while (!firing) {
      const res = await fetch(`${base}/api/v1/public/trace/10000000000000000000`);
      if (res.status >= 500) errors++;
      else others++;
      await sleep(100);
    }
  })();
  let lastState = '';
  await until(`${ALERT} to fire`, 60_000, async () => {
    const state = await alertState();
    if (state !== lastState) say(`alert ${state}`);
    lastState = state;
    return state === 'firing' ? true : undefined;
  });
  firing = true;
  await provoke;
  const ratio = Number((await query('sum(rate(tracenet_http_requests_total{status=~"5.."}[10s])) / sum(rate(tracenet_http_requests_total[10s]))'))[0]?.value[1]);
  say(`${ALERT} firing ${((performance.now() - brokenAt) / 1000).toFixed(1)} s after the database closed (${errors} answers of 500, ${others} others; 5xx ratio ${ratio.toFixed(2)})`);
  console.log(JSON.stringify({ check: 'prometheus', promtoolClean: true, families, series, alertFiredAfterS: Number(((performance.now() - brokenAt) / 1000).toFixed(1)), errorsSent: errors, errorRatio: Number(ratio.toFixed(3)), totalS: Number(((performance.now() - started) / 1000).toFixed(1)), pass: true }));

  async function alertState(): Promise<string> {
    const body = (await (await fetch(`${api}/api/v1/alerts`)).json()) as { data: { alerts: { labels: { alertname: string }; state: string }[] } };
    return body.data.alerts.find((a) => a.labels.alertname === ALERT)?.state ?? 'inactive';
  }
}

async function cleanup() {
  if (prometheus && prometheus.exitCode === null) {
    prometheus.kill('SIGTERM');
    await Promise.race([new Promise((r) => prometheus!.once('exit', r)), sleep(5_000)]);
    if (prometheus.exitCode === null) prometheus.kill('SIGKILL');
  }
  for (const c of cleanups) await c().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}

const limit = setTimeout(() => {
  console.error(`prometheus-check: no result within ${LIMIT_MS / 1000} s`);
  if (prometheusLog) console.error(prometheusLog);
  void cleanup().finally(() => process.exit(1));
}, LIMIT_MS);

main().then(
  async () => {
    clearTimeout(limit);
    await cleanup();
    process.exit(0);
  },
  async (err: unknown) => {
    clearTimeout(limit);
    console.error(`prometheus-check failed: ${err instanceof Error ? err.message : String(err)}`);
    if (prometheusLog) console.error(`Prometheus said:\n${prometheusLog}`);
    await cleanup();
    process.exit(1);
  },
);

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Embedded start (DESIGN.md §8): time from process start to /readyz 200 on PGlite with demo data, and the
 * resident memory at that moment (the peak, VmHWM, printed beside it). Both starts are judged: the first on an empty
 * folder (initdb, migrations, regions, demo data; `npm start`'s console check included) and the everyday start on
 * an existing folder (median of three).
 */
const BUDGET = { ready_ms: 5000, rss_mb: 800, first_start_ready_ms: 10_000, first_start_rss_mb: 800 };
const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-bench-startup-'));
const port = 3900 + Math.floor(Math.random() * 90);

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

async function startOnce(): Promise<{ ready_ms: number; rss_mb: number; peak_rss_mb: number }> {
  const started = performance.now();
  // What `npm start` runs first: the check that the built console is current (it builds nothing after npm install).
  const check = spawnSync(process.execPath, ['scripts/ensure-web.mjs'], { cwd: root, stdio: 'ignore' });
  if (check.status !== 0) throw new Error('scripts/ensure-web.mjs failed');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('server not ready within 120 s');
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) return { ready_ms: Math.round(performance.now() - started), rss_mb: statusMb(child.pid!, 'VmRSS'), peak_rss_mb: statusMb(child.pid!, 'VmHWM') };
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

try {
  const first = await startOnce();
  console.log(`first start (empty data folder): ready ${first.ready_ms} ms, rss ${first.rss_mb} MB (peak ${first.peak_rss_mb} MB)`);
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const r = await startOnce();
    console.log(`start ${i + 1} (demo data present): ready ${r.ready_ms} ms, rss ${r.rss_mb} MB (peak ${r.peak_rss_mb} MB)`);
    runs.push(r);
  }
  const median = runs.sort((a, b) => a.ready_ms - b.ready_ms)[1]!;
  const rss = Math.max(...runs.map((r) => r.rss_mb));
  const pass =
    median.ready_ms <= BUDGET.ready_ms && rss <= BUDGET.rss_mb && first.ready_ms <= BUDGET.first_start_ready_ms && first.rss_mb <= BUDGET.first_start_rss_mb;
  console.log(
    JSON.stringify({
      bench: 'startup',
      ready_ms: median.ready_ms,
      rss_mb: rss,
      first_start_ready_ms: first.ready_ms,
      first_start_rss_mb: first.rss_mb,
      first_start_peak_rss_mb: first.peak_rss_mb,
      budget: BUDGET,
      pass,
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

// `npm install` runs this (the `prepare` script), so that the README's `npm start` has nothing slow left to do:
// 1. the web console is built into web/dist (scripts/ensure-web.mjs; `npm start` only checks it is current);
// 2. the embedded database's initial cluster — initdb, migrations, regions, product classes, residue limits — is
//    made once and kept under node_modules/.cache/tracenet (see src/platform/db/pglite-initial.ts).
// Neither holds a secret: the demo data (with its encrypted phones) is still written at the first start.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadReferenceData } from '../src/bootstrap.js';
import { openPglite } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { initialClusterPath, writeInitialCluster } from '../src/platform/db/pglite-initial.js';

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const ms = () => `${Math.round(performance.now() - started)} ms`;

const web = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-web.mjs')], { cwd: root, stdio: 'inherit' });
if (web.status !== 0) process.exit(web.status ?? 1);

if (existsSync(initialClusterPath()) && !process.argv.includes('--force')) {
  console.log(`prepare: the embedded database's initial cluster is ready (${path.relative(root, initialClusterPath())})`);
} else {
  console.log('prepare: making the embedded database\u2019s initial cluster (initdb, migrations, reference data)…');
  // Plain migrations and reference data, no demo and no audit seal: nothing here is tied to an installation or
  // its secret key (the first start seals the audit key's boundary and writes the demo with its own key).
  const database = await openPglite(undefined);
  try {
    await migrate(database);
    await loadReferenceData(database);
    const dump = await database.pglite!.dumpDataDir('gzip');
    const file = writeInitialCluster(Buffer.from(await dump.arrayBuffer()));
    console.log(`prepare: initial cluster written to ${path.relative(root, file)} (${ms()})`);
  } finally {
    await database.close();
  }
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// PGlite's initdb costs 5–10 s and about 900 MB at its peak on these machines, while loading a dump of the same
// empty cluster takes about 1 s and half the memory. So `npm install` (the `prepare` script) makes that cluster
// once — initdb, migrations, the reference data — and a first start on an empty data folder loads it. It is kept
// per PGlite version (the dump is that version's data format) and per content of db/migrations and db/reference;
// without it a start runs initdb as before.

const ROOT = path.resolve(import.meta.dirname, '../../..');

function pgliteVersion(): string {
  const manifest = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** What the cluster holds: the migrations and reference data of this checkout (a pull that adds one makes a new file). */
function contentFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of [path.join(ROOT, 'db', 'migrations'), path.join(ROOT, 'db', 'reference')]) {
    for (const name of readdirSync(dir).filter((n) => !n.startsWith('.')).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** Where `npm install` leaves the initial cluster for the installed PGlite and this checkout's migrations. */
export function initialClusterPath(): string {
  return path.join(ROOT, 'node_modules', '.cache', 'tracenet', `pglite-${pgliteVersion()}-${contentFingerprint()}.tar.gz`);
}

/** The initial cluster, when `npm install` made one for this PGlite. */
export function readInitialCluster(): Blob | undefined {
  const file = initialClusterPath();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Keeps a dump as the initial cluster; written beside and renamed, so a start never reads half a file. */
export function writeInitialCluster(dump: Buffer): string {
  const file = initialClusterPath();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, dump);
  renameSync(`${file}.partial`, file);
  return file;
}

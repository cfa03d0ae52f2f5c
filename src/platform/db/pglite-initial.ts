import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// PGlite's initdb costs 5–10 s and about 900 MB at its peak on these machines, while loading a dump of the same
// empty cluster takes about 1 s and half the memory. So `npm install` (the `prepare` script) makes that cluster
// once — initdb, migrations, the reference data — and a first start on an empty data folder loads it. It is kept
// per PGlite version (the dump is that version's data format); without it a start runs initdb as before.

const ROOT = path.resolve(import.meta.dirname, '../../..');

function pgliteVersion(): string {
  const manifest = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Where `npm install` leaves the initial cluster for the installed PGlite. */
export function initialClusterPath(): string {
  return path.join(ROOT, 'node_modules', '.cache', 'tracenet', `pglite-${pgliteVersion()}-initial.tar.gz`);
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

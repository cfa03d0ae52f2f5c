#!/usr/bin/env node
// Builds the web console (web/ → web/dist) when web/dist/index.html is missing or older than any source
// file of the console, the server modules it may import included (contracts and *.shared.ts, the platform's too;
// eslint-rules/boundaries.js). Used by `npm start` and `npm run e2e`, so a fresh checkout serves a current console.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');
const SKIP = new Set(['dist', 'node_modules', '.vite']);

/** The newest modification time of any file under dir (skipping build output) whose name passes `wanted`. */
function newest(dir, wanted = () => true) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full, wanted));
    else if (wanted(entry.name)) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** Server modules the console may import. */
const forTheConsole = (name) => /(^|\.)contracts\.ts$/.test(name) || name.endsWith('.shared.ts');

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

const builtAt = mtime(built);
// A dependency upgrade (package-lock.json) changes the bundle as surely as a source edit.
const sourcesAt = Math.max(newest(web), newest(path.join(root, 'src', 'domains'), forTheConsole), newest(path.join(root, 'src', 'platform'), forTheConsole), mtime(path.join(root, 'package-lock.json')) ?? 0);
const why = builtAt === null ? 'web/dist/index.html is missing' : sourcesAt > builtAt ? 'the console\u2019s sources changed since the last build' : null;

if (!why) {
  console.log('ensure-web: the console in web/dist is up to date');
  process.exit(0);
}
console.log(`ensure-web: building the console (${why})…`);
const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.error) {
  console.error(`ensure-web: could not run vite: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);

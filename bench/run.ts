import { readdirSync } from 'node:fs';

// npm run bench -- <name>: runs bench/<name>.ts. Each benchmark prints its figures and, as its last line,
// one JSON object with `bench`, the figures, the budget and `pass` (DESIGN.md §8).
const name = process.argv[2];
const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && !['run.ts'].includes(f) && !f.startsWith('lib'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}>`);
  process.exit(1);
}
await import(`./${name}.ts`);

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DOMAINS = path.resolve(import.meta.dirname, '../web/src/domains');

/**
 * The console's route patterns as the domains declare them (issue 20 §5: each web/src/domains/<d>/index.ts lists its
 * pages as `{ path: '…', …, page: … }`; App.tsx takes them from web/src/domains/index.ts). Read as text: the server's
 * tests do not load the console's modules.
 */
export function consoleRoutes(): string[] {
  // The shell's own page: home, which sends each account to its first menu page (App.tsx).
  const out = new Set<string>(['/']);
  for (const domain of readdirSync(DOMAINS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const index = ['index.ts', 'index.tsx'].map((f) => path.join(DOMAINS, domain.name, f)).find((f) => existsSync(f));
    if (!index) continue;
    const source = readFileSync(index, 'utf8');
    // A route names its page; a menu entry (its path with a leading slash) names none.
    for (const m of source.matchAll(/\{\s*path:\s*'([^'/][^']*)'[^{}]*\bpage:/g)) out.add(`/${m[1]}`);
  }
  return [...out].sort();
}

import { readFileSync } from 'node:fs';
import path from 'node:path';

const APP = path.resolve(import.meta.dirname, '../web/src/app/App.tsx');

/** The console's route patterns as App.tsx declares them, nested paths joined ("register" + "status/:code"). */
export function consoleRoutes(): string[] {
  const source = readFileSync(APP, 'utf8');
  const stack: string[] = [];
  const out = new Set<string>();
  for (const m of source.matchAll(/<Route\b|<\/Route>/g)) {
    if (m[0] === '</Route>') {
      stack.pop();
      continue;
    }
    // The tag ends at the first '>' outside braces (element={<Page />} holds a '>' of its own).
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    const tag = source.slice(m.index, i + 1);
    const p = /\bpath="([^"]+)"/.exec(tag)?.[1];
    const own = p && p !== '*' ? p : '';
    if (/\bindex\b/.test(tag)) out.add(stack.filter(Boolean).join('/'));
    else if (own) out.add([...stack, own].filter(Boolean).join('/'));
    if (!tag.endsWith('/>')) stack.push(own);
  }
  return [...out].map((r) => `/${r}`).sort();
}


import { KNOWN_GAPS } from './known-gaps.js';
import { ROWS, type Row } from './operations.js';
import { DEFAULT_REGION, expected, GRANTS, ROLES, type Obj, type Outcome, type Role } from './rules.js';

/**
 * expected.md: the matrix as a person reads it, generated from the rules (operations.ts, rules.ts, known-gaps.ts)
 * and committed, so that a change of a rule shows in review as the cells it changes. The test fails when the file
 * is not what the rules say; `MATRIX_WRITE=1 npx vitest run test/access-matrix` rewrites it.
 */

export function regionOf(row: Row, object: Obj): string {
  return row.region?.[object] ?? (object === 'sd' || object === 'sd-other' || object === 'sc' ? DEFAULT_REGION[object] : '');
}

/** What the code answers today where a known gap says it differs from what DESIGN.md demands. */
export function todayOf(row: Row, role: Role, object: Obj): Outcome | undefined {
  const gap = KNOWN_GAPS.find((g) => (g.ops === '*' || g.ops.includes(row.op)) && g.roles.includes(role.name) && (!g.objects || g.objects.includes(object)));
  if (!gap) return undefined;
  return typeof gap.today === 'function' ? gap.today({ permission: row.permission, scope: row.scope }, role, object, regionOf(row, object)) : gap.today;
}

function cell(row: Row, role: Role): string {
  return row.objects
    .map((o) => {
      const want = expected({ permission: row.permission, scope: row.scope, ...(row.clients ? { clients: row.clients } : {}) }, role, o, regionOf(row, o));
      const today = todayOf(row, role, o);
      return today !== undefined && today !== want ? `${want}*` : want;
    })
    .join(' · ');
}

export function renderExpected(): string {
  const groups = new Map<string, Row[]>();
  for (const row of ROWS) groups.set(row.scope.why, [...(groups.get(row.scope.why) ?? []), row]);
  const header = `| Operation | Permission | Objects | ${ROLES.map((r) => r.name).join(' | ')} |`;
  const rule = `|---|---|---|${ROLES.map(() => '---').join('|')}|`;
  const lines = [
    '# Access matrix: expected outcomes',
    '',
    'Generated from `test/access-matrix/` (rules.ts, operations.ts, known-gaps.ts) by `MATRIX_WRITE=1 npx vitest run test/access-matrix`; do not edit by hand.',
    '',
    'Outcomes: `ok` the caller gets through (2xx, or a 4xx about the body or the object’s state), `401` not logged in, `403` refused,',
    '`404` not found. A cell holds one outcome per object, in the order of the Objects column: `sd` lies in 山东 (寿光市, 化龙镇) and is',
    'sg-coop’s own where a producer owns it, `sd-other` another producer’s in 寿光, `sc` lies in 四川 (郫都区); `own`/`foreign` the caller’s',
    'own token or somebody else’s; `none` no object. `*` marks a known gap (known-gaps.ts): DESIGN.md demands the outcome shown, the code',
    'answers otherwise until the finding named there is fixed.',
    '',
    '## Who holds which permission',
    '',
    `| Permission | ${ROLES.map((r) => r.name).join(' | ')} |`,
    `|---|${ROLES.map(() => '---').join('|')}|`,
    // The client system holds what its scope gives it (trace.graph), not what GRANTS says of people.
    ...Object.entries(GRANTS).map(([p, holds]) => `| ${p} | ${ROLES.map((r) => (!r.revokedToken && (r.kind === 'client' ? p === 'trace.graph' : holds(r)) ? '✓' : '')).join(' | ')} |`),
    '',
    'Without the permission: `401` anonymous, `403` logged in. With it, the rule of the group below decides. The revoked token (a',
    'bearer token minted by a 寿光 bureau official before a password change) gets `401` everywhere (DESIGN.md §12 Accounts).',
    'The client system (signed requests, issue 17 §1) is anyone on a public route, is refused (`403` OUT_OF_SCOPE) by every',
    'route that does not serve client systems, and gets through the ones that do within its regions (370783) and scope.',
  ];
  for (const [why, rows] of groups) {
    lines.push('', `## ${why}`, '', header, rule);
    for (const row of rows) lines.push(`| \`${row.op}\` | ${row.permission} | ${row.objects.join(' · ')} | ${ROLES.map((r) => cell(row, r)).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

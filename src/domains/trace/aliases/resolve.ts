import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { describeCode } from '../codes/codes.js';
import type { AliasKind } from './schema.js';

/** How a code was reached when what was scanned is a foreign code of the batch: the answer says so. */
export type ResolvedFrom = { alias: string; kind: AliasKind };
export type AliasHit = { code: string; resolvedFrom: ResolvedFrom };

/** As an alias is stored: what was scanned, without the spaces a copy may carry. */
const asAlias = (input: string) => input.trim();

/** The Tracenet code of the batch a foreign code (a province's own, a national long code) names; undefined if none. */
export async function batchCodeOfAlias(db: Executor, input: string): Promise<AliasHit | undefined> {
  return (await batchCodesOfAliases(db, [input])).get(asAlias(input));
}

/** The same for many codes at once (bulk verify): keyed by the alias as stored. */
export async function batchCodesOfAliases(db: Executor, inputs: string[]): Promise<Map<string, AliasHit>> {
  const aliases = [...new Set(inputs.map(asAlias).filter((a) => a.length > 0 && a.length <= 80))];
  if (!aliases.length) return new Map();
  const rows = await queryRows<{ alias: string; kind: AliasKind; code: string }>(
    db,
    sql`SELECT a.alias, a.kind, b.code FROM batch_aliases a JOIN batches b ON b.id = a.batch_id WHERE a.alias IN (${sql.join(
      aliases.map((a) => sql`${a}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.alias, { code: r.code, resolvedFrom: { alias: r.alias, kind: r.kind } }]));
}

/** Whether a text is a national long code (追溯长码, DESIGN.md §3), valid in every part: what a `national` alias must be. */
export function isLongCode(input: string): boolean {
  return describeCode(input).kind === 'long';
}

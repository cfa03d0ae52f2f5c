import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { gcpOfUrn } from './epc-format.js';
import { eventIdentifiers, type EventRow } from './event-row.js';
import { epcisCompanyPrefixes } from './schema.js';
import { textArray } from './sql.js';

/**
 * Adds to `into` the company prefixes of the URNs a captured event names. Read from the event as sent: the row's
 * identifier columns hold Digital Links only.
 */
export function addCompanyPrefixes(into: Set<string>, event: Record<string, unknown>, row: EventRow): void {
  const add = (v: string | null | undefined) => {
    const gcp = v?.startsWith('urn:epc:') ? gcpOfUrn(v) : null;
    if (gcp) into.add(gcp);
  };
  const { ownEpcs, otherEpcs, ownClasses, otherClasses } = eventIdentifiers(event);
  for (const list of [ownEpcs, otherEpcs, ownClasses, otherClasses]) for (const v of list) add(v);
  add(row.readPoint);
  add(row.bizLocation);
}

/**
 * `statement` with the company prefixes filed beside it (a data-modifying WITH): one round trip for both, the
 * statement alone when there is no prefix.
 */
export function withCompanyPrefixes(gcps: ReadonlySet<string>, statement: SQL): SQL {
  if (!gcps.size) return statement;
  return sql`WITH company_prefixes AS (INSERT INTO ${epcisCompanyPrefixes} (gcp) SELECT unnest(${textArray([...gcps])}) ON CONFLICT DO NOTHING) ${statement}`;
}

/**
 * Every company prefix captured URNs gave, for `Always_EPC_URN`. A key's prefix is unambiguous (GS1 gives each range
 * of prefixes one length, its GCP length table); a split that does not convert back is refused anyway (urnOf).
 */
export async function companyPrefixes(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ gcp: epcisCompanyPrefixes.gcp }).from(epcisCompanyPrefixes);
  return new Set(rows.map((r) => r.gcp));
}

import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { gcpOfUrn } from './epc-format.js';
import { eventIdentifiers, type EventRow } from './event-row.js';
import { epcisCompanyPrefixes } from './schema.js';
import { textArray } from './sql.js';

/**
 * Files the company prefixes of the URNs captured events name (one statement, none when there is no URN). Read from
 * the events as sent: the rows' identifier columns hold Digital Links only.
 */
export async function recordCompanyPrefixes(db: Executor, events: Record<string, unknown>[], rows: EventRow[]): Promise<void> {
  const gcps = new Set<string>();
  const add = (v: string | null | undefined) => {
    const gcp = v?.startsWith('urn:epc:') ? gcpOfUrn(v) : null;
    if (gcp) gcps.add(gcp);
  };
  for (const event of events) {
    const { ownEpcs, otherEpcs, ownClasses, otherClasses } = eventIdentifiers(event);
    for (const list of [ownEpcs, otherEpcs, ownClasses, otherClasses]) for (const v of list) add(v);
  }
  for (const r of rows) {
    add(r.readPoint);
    add(r.bizLocation);
  }
  if (gcps.size) await db.execute(sql`INSERT INTO ${epcisCompanyPrefixes} (gcp) SELECT unnest(${textArray([...gcps])}) ON CONFLICT DO NOTHING`);
}

/**
 * Every company prefix captured URNs gave, for `Always_EPC_URN`. A key's prefix is unambiguous (GS1 gives each range
 * of prefixes one length, its GCP length table); a split that does not convert back is refused anyway (urnOf).
 */
export async function companyPrefixes(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ gcp: epcisCompanyPrefixes.gcp }).from(epcisCompanyPrefixes);
  return new Set(rows.map((r) => r.gcp));
}

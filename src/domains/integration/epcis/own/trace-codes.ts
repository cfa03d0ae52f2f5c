import type { Executor } from '../../../../platform/db/client.js';
import type { EventRow } from '../event-row.js';
import { codeOfIdentifier, type Ids } from './identifiers.js';
import { lotsOfIdentifiers } from './sources.js';

/**
 * Where captured events join the trace graph (issue 18 §2): an event whose EPCs or classes are Tracenet lots in a
 * Tracenet form (`{PUBLIC_URL}/t/{code}`, a Digital Link or LGTIN URN of the product's GTIN and the batch code or a
 * product code printed for it) is filed under those lots' batch codes (`trace_codes`); the public page of the chain
 * shows it. Identifiers of no Tracenet lot are left alone.
 */
/** Says whether any row was filed under a lot (its traceCodes set). */
export async function attachTraceCodes(db: Executor, ids: Ids, rows: EventRow[]): Promise<boolean> {
  const named = rows.map((r) => [...(r.anyEpcs ?? []), ...(r.anyEpcClasses ?? [])].map((v) => codeOfIdentifier(ids, v)).filter((x): x is NonNullable<typeof x> => x !== null));
  const refs = named.flat();
  if (!refs.length) return false;
  const lots = await lotsOfIdentifiers(db, refs);
  let attached = false;
  rows.forEach((r, i) => {
    const codes = [...new Set(named[i]!.map((ref) => lots.get(`${ref.gtin ?? ''}/${ref.code}`)).filter((c): c is string => c !== undefined))];
    if (codes.length) {
      r.traceCodes = codes;
      attached = true;
    }
  });
  return attached;
}

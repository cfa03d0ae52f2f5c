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
type LotReference = NonNullable<ReturnType<typeof codeOfIdentifier>>;

/** For each row, the identifiers of it that are in a Tracenet form; null when no row has one (no look-up due). */
export function tracenetReferences(ids: Ids, rows: EventRow[]): LotReference[][] | null {
  let any = false;
  const named = rows.map((r) => {
    const refs: LotReference[] = [];
    for (const list of [r.anyEpcs, r.anyEpcClasses]) {
      for (const v of list ?? []) {
        const ref = codeOfIdentifier(ids, v);
        if (ref) refs.push(ref);
      }
    }
    any ||= refs.length > 0;
    return refs;
  });
  return any ? named : null;
}

/** Says whether any row was filed under a lot (its traceCodes set). */
export async function attachTraceCodes(db: Executor, ids: Ids, rows: EventRow[], named = tracenetReferences(ids, rows)): Promise<boolean> {
  if (!named) return false;
  const refs = named.flat();
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

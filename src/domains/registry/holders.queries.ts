import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import type { Pii } from '../../platform/pii/pii.js';
import { identityCode } from './subject.queries.js';

/**
 * What other domains may know of subjects and regions, for the trace graph and the recall list: the registry keeps
 * its tables, the masking rules and the decryption here, so no other domain names `subjects` or `regions` (DESIGN.md §5).
 */

/** One array parameter in PostgreSQL's text form; the values are uuids, nothing to quote. */
const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A subject's name by id, as an SQL expression, for a graph query of another domain that prints each holder beside
 * its batch in the same statement (one round trip for a trace). The registry keeps the knowledge of its table.
 */
export function subjectNameSql(subjectId: SQL): SQL {
  return sql`(SELECT s.name FROM subjects s WHERE s.id = ${subjectId})`;
}

const countyNamesOf = new WeakMap<object, Promise<Map<string, string>>>();

/**
 * Names of every province, city and county (~3,400 rows), read once per database and kept: the divisions are
 * reference data loaded at first start and never changed, and a trace or recall list names a county on every row.
 */
export function countyNames(db: Executor): Promise<Map<string, string>> {
  let names = countyNamesOf.get(db);
  if (!names) {
    names = queryRows<{ code: string; name: string }>(db, sql`SELECT code, name FROM regions WHERE level <= 3`).then((rows) => {
      if (!rows.length) countyNamesOf.delete(db); // not loaded yet: ask again next time
      return new Map(rows.map((r) => [r.code, r.name]));
    });
    names.catch(() => countyNamesOf.delete(db));
    countyNamesOf.set(db, names);
  }
  return names;
}

export type SubjectContact = {
  name: string;
  /** 主体身份码, masked for a natural person as everywhere else; a temporary subject's temporary code. */
  identityCode: string;
  /** In full: only for a caller that has the right to call the holder and audits that it did (the recall list). */
  phone: string | null;
  address: string | null;
  regionCode: string;
  orgForm: number;
  status: string;
};

/**
 * Contact details of subjects, phones decrypted in full. Only the recall list calls this, and it writes the audit
 * entry of the reveal; identity codes stay masked for natural persons.
 */
export async function subjectContacts(db: Executor, pii: Pii, subjectIds: Iterable<string>): Promise<Map<string, SubjectContact>> {
  const ids = [...new Set(subjectIds)].filter((id) => UUID.test(id));
  const out = new Map<string, SubjectContact>();
  if (!ids.length) return out;
  const rows = await queryRows<{
    id: string;
    name: string;
    category: number;
    id_kind: string | null;
    id_enc: string | null;
    temp_code: string | null;
    phone_enc: string | null;
    address: string | null;
    region_code: string;
    org_form: number;
    status: string;
  }>(
    db,
    sql`SELECT id::text AS id, name, category, id_kind, id_enc, temp_code, phone_enc, address, region_code, org_form, status
        FROM subjects WHERE id = ANY(${pgArray(ids)}::uuid[])`,
  );
  // Every identity number and phone in one batch decryption (a recall list holds thousands).
  const stored = rows.flatMap((r) => [r.id_enc, r.phone_enc].filter((v): v is string => !!v));
  const plain = new Map<string, string>();
  pii.decryptMany(stored).forEach((p, i) => plain.set(stored[i]!, p));
  for (const r of rows) {
    out.set(r.id, {
      name: r.name,
      identityCode: r.id_enc ? identityCode(r.category, r.id_kind, plain.get(r.id_enc)!) : (r.temp_code ?? ''),
      phone: r.phone_enc ? plain.get(r.phone_enc)! : null,
      address: r.address,
      regionCode: r.region_code,
      orgForm: r.org_form,
      status: r.status,
    });
  }
  return out;
}

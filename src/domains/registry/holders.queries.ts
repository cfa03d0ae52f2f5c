import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import type { Pii } from '../../platform/pii/pii.js';
import { subjectIdentityCode } from './subject.queries.js';

/**
 * What other domains may know of subjects and regions, for the trace graph and the recall list: the registry keeps
 * its tables, the masking rules and the decryption here, so no other domain names `subjects` or `regions` (DESIGN.md §5).
 */

/** One array parameter in PostgreSQL's text form; the values are uuids or digit strings, nothing to quote. */
const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A subject's name by id, as an SQL expression, for a graph query of another domain that prints each holder beside
 * its batch in the same statement (one round trip for a trace). The registry keeps the knowledge of its table.
 */
export function subjectNameSql(subjectId: SQL): SQL {
  return sql`(SELECT s.name FROM subjects s WHERE s.id = ${subjectId})`;
}

/** A region's name by code (2, 4, 6 or 9 digits), as an SQL expression. */
export function regionNameSql(code: SQL): SQL {
  return sql`(SELECT r.name FROM regions r WHERE r.code = ${code})`;
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
  for (const r of rows) {
    out.set(r.id, {
      name: r.name,
      identityCode: subjectIdentityCode(pii, { category: r.category, idKind: r.id_kind, idEnc: r.id_enc, tempCode: r.temp_code }),
      phone: r.phone_enc ? pii.decrypt(r.phone_enc) : null,
      address: r.address,
      regionCode: r.region_code,
      orgForm: r.org_form,
      status: r.status,
    });
  }
  return out;
}

import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { NATURAL_PERSON_ORG_FORM, type Pii } from '../../../platform/pii/pii.js';
import { identityCode, identityCodeOfShown } from './subject.queries.js';

/**
 * What other domains may know of subjects, for the trace graph and the recall list: the registry keeps its tables,
 * the masking rules and the decryption here, so no other domain names `subjects` (DESIGN.md §5).
 */

/**
 * The subjects whose identity, as lists show it (a credit code in full, a resident ID masked), is one of `shown`, as
 * a subquery of ids: how a long code's identity (追溯长码, DESIGN.md §3) finds its subject without decrypting.
 */
export function subjectIdsOfShownIdentitySql(category: number, shown: string[]): SQL {
  return sql`SELECT s.id FROM subjects s WHERE s.category = ${category} AND s.id_shown = ANY(${`{${shown.join(',')}}`}::text[])`;
}

/** Which of these subjects are natural persons (组织形式 个人), whose names anything shown beyond their partners masks. */
export async function naturalPersonSubjects(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT s.id FROM subjects s WHERE s.id = ANY(${`{${[...new Set(ids)].join(',')}}`}::uuid[]) AND s.org_form = ${NATURAL_PERSON_ORG_FORM}`,
  );
  return new Set(rows.map((r) => r.id));
}

export type SubjectContact = {
  name: string;
  /** 主体身份码, masked for a natural person as everywhere else; a temporary subject's temporary code. */
  identityCode: string;
  /** In full: only for a caller that has the right to call the holder and audits that it did (the recall list). */
  phone: string | null;
  address: string | null;
};

/** The columns `subjectContactSql` adds to a row, read back by `subjectContactReader`. */
export type SubjectContactColumns = {
  contact_name: string | null;
  contact_category: number | null;
  contact_id_kind: string | null;
  contact_id_shown: string | null;
  /** Only where `id_shown` is missing (a row written before it was kept). */
  contact_id_enc: string | null;
  contact_temp_code: string | null;
  contact_phone_enc: string | null;
  contact_address: string | null;
};

/**
 * The contact of a subject by id, as a join and its columns for a statement of another domain that lists holders
 * (the recall list): the list and its contacts in one round trip, while the registry stays the one that names
 * `subjects`. A subject's columns come once per row that names it; `subjectContactReader` reads them.
 */
export function subjectContactSql(subjectId: SQL): { join: SQL; columns: SQL } {
  return {
    join: sql`LEFT JOIN LATERAL (SELECT s.name, s.category, s.id_kind, s.id_shown, CASE WHEN s.id_shown IS NULL THEN s.id_enc END AS id_enc,
        s.temp_code, s.phone_enc, s.address FROM subjects s WHERE s.id = ${subjectId}) contact ON true`,
    columns: sql`contact.name AS contact_name, contact.category AS contact_category, contact.id_kind AS contact_id_kind,
      contact.id_shown AS contact_id_shown, contact.id_enc AS contact_id_enc, contact.temp_code AS contact_temp_code,
      contact.phone_enc AS contact_phone_enc, contact.address AS contact_address`,
  };
}

/**
 * Reads the contact of the subject named on a row read with `subjectContactSql` (undefined for a row without one),
 * the phone decrypted in full: only the recall list calls this, and it writes the audit entry of the reveal. Each
 * subject is decrypted once, however many of the list's batches it holds. Identity codes come from the stored
 * masked form: no identity number is decrypted only to be masked, but on rows written before that form was kept.
 */
export function subjectContactReader(pii: Pii): (row: SubjectContactColumns & { subject_id: string | null }) => SubjectContact | undefined {
  const read = new Map<string, SubjectContact>();
  return (r) => {
    if (!r.subject_id || r.contact_name === null) return undefined;
    let contact = read.get(r.subject_id);
    if (!contact) {
      const category = r.contact_category!;
      contact = {
        name: r.contact_name,
        identityCode: r.contact_id_shown
          ? identityCodeOfShown(category, r.contact_id_shown)
          : r.contact_id_enc
            ? identityCode(category, r.contact_id_kind, pii.decrypt(r.contact_id_enc))
            : (r.contact_temp_code ?? ''),
        phone: r.contact_phone_enc ? pii.decrypt(r.contact_phone_enc) : null,
        address: r.contact_address,
      };
      read.set(r.subject_id, contact);
    }
    return contact;
  };
}

import { sql, type SQL } from 'drizzle-orm';

// What anyone may know of a registered subject, for the public trace page (消费查询), as SQL expressions another
// domain places in its own statement: name, organisation form, region (down to the township, never the street
// address), status, and the certificates it holds with their validity. Never an identity number or a phone.

/** The public facts of a subject as one JSON value (null when there is none); certificates only when asked. */
export function subjectPublicJsonSql(subjectId: SQL, withCertificates: SQL): SQL {
  return sql`(SELECT json_build_object(
      'name', s.name, 'orgForm', s.org_form, 'regionCode', s.region_code, 'status', s.status,
      'certificates', CASE WHEN ${withCertificates} THEN COALESCE((
        SELECT json_agg(json_build_object('kind', c.kind, 'number', c.number, 'products', c.products, 'issuer', c.issuer,
                                          'validFrom', c.valid_from, 'validTo', c.valid_to, 'verified', c.status = 'verified')
                        ORDER BY c.valid_to DESC)
        FROM subject_certificates c WHERE c.subject_id = s.id AND c.status IN ('verified', 'unverified')), '[]'::json) END)
    FROM subjects s WHERE s.id = ${subjectId})`;
}

/** The name of a region (a township, for a base) by its code. */
export function regionNameSql(code: SQL): SQL {
  return sql`(SELECT r.name FROM regions r WHERE r.code = ${code})`;
}

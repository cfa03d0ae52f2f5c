import { sql, type SQL } from 'drizzle-orm';

// What anyone may know of a registered subject, for the public trace page (消费查询), as SQL expressions another
// domain places in its own statement: name, organisation form, region (down to the township, never the street
// address), status, and the certificates it holds with their validity. Never an identity number or a phone.

/** The public facts of the subjects with these ids, as one JSON object by id (null when there are none). */
export function subjectsPublicJsonSql(ids: SQL): SQL {
  return sql`(SELECT json_object_agg(s.id, json_build_object('name', s.name, 'orgForm', s.org_form, 'regionCode', s.region_code, 'status', s.status))
    FROM subjects s WHERE s.id = ANY(${ids}))`;
}

/** The certificates the subjects with these ids hold (verified or awaiting it), as one JSON object of lists by subject id. */
export function certificatesPublicJsonSql(ids: SQL): SQL {
  return sql`(SELECT json_object_agg(x.subject_id, x.list) FROM (
      SELECT c.subject_id, json_agg(json_build_object('kind', c.kind, 'number', c.number, 'products', c.products, 'issuer', c.issuer,
                                                      'validFrom', c.valid_from, 'validTo', c.valid_to, 'verified', c.status = 'verified')
                                    ORDER BY c.valid_to DESC) AS list
      FROM subject_certificates c WHERE c.subject_id = ANY(${ids}) AND c.status IN ('verified', 'unverified') GROUP BY c.subject_id) x)`;
}

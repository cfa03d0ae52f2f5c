import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryPrepared, queryRows } from '../../platform/db/rows.js';
import { regionNameSql, subjectPublicJsonSql } from '../registry/index.js';
import type { Holder } from './schema.js';

/** The most hops back the public page follows: DESIGN.md's deepest chains are 20. */
const MAX_HOPS = 20;
/** A merged or processed batch can have many sources; the page lists at most this many holders. */
const MAX_NODES = 60;

export type PublicSubject = {
  name: string;
  orgForm: number;
  regionCode: string;
  status: string;
  certificates: { kind: string; number: string; products: string; issuer: string | null; validFrom: string; validTo: string; verified: boolean }[] | null;
};

/** One batch of a code's chain, the code's own batch at depth 0, its sources further back. */
export type PublicChainRow = {
  id: string;
  code: string;
  depth: number;
  source: string;
  quantity: number;
  unit: string;
  harvest_date: string | null;
  created_at: string;
  status: string;
  self_check: string;
  certified_at: string | null;
  region_code: string;
  subject: PublicSubject | null;
  /** An unregistered holder without its phone and street address. */
  holder: Pick<Holder, 'name' | 'marketKind' | 'stall'> | null;
  product_name: string;
  spec: string;
  brand: string | null;
  gtin: string | null;
  class_code: string;
  class_zh: string;
  class_en: string;
  base_name: string | null;
  base_region: string | null;
  base_township: string | null;
  lookups: number | null;
  first_lookup_at: string | null;
};

/**
 * Everything the public page shows of a code, in one statement (the page is the platform's busiest read): its batch
 * and every batch it came from (each once, at its nearest depth), with product, class, base township and the
 * public facts of each registered holder (certificates for producers only), and the code's look-up count.
 * Phones and street addresses never leave the database: the holder's JSON is stripped of them here.
 */
export async function publicChain(db: Executor, code: string): Promise<PublicChainRow[]> {
  return queryPrepared<PublicChainRow>(
    db,
    'public_chain',
    sql`WITH RECURSIVE up(id, depth) AS (
          SELECT id, 0 FROM batches WHERE code = ${code}
          UNION
          SELECT e.from_batch_id, up.depth + 1 FROM up JOIN batch_edges e ON e.to_batch_id = up.id WHERE up.depth < ${MAX_HOPS}
        ),
        nearest AS (SELECT id, min(depth) AS depth FROM up GROUP BY id ORDER BY min(depth) LIMIT ${MAX_NODES})
        SELECT b.id, b.code, n.depth, b.source, b.quantity::float8 AS quantity, b.unit, b.harvest_date::text AS harvest_date,
               b.created_at, b.status, b.self_check, b.certified_at, b.region_code,
               ${subjectPublicJsonSql(sql`b.subject_id`, sql`b.source IN ('own', 'process')`)} AS subject,
               CASE WHEN b.holder IS NULL THEN NULL ELSE b.holder - 'phone' - 'address' END AS holder,
               p.name AS product_name, p.spec, p.brand, p.gtin, p.class_code, pc.name_zh AS class_zh, pc.name_en AS class_en,
               pb.name AS base_name, pb.region_code AS base_region, ${regionNameSql(sql`pb.region_code`)} AS base_township,
               l.count AS lookups, l.first_at AS first_lookup_at
        FROM nearest n
        JOIN batches b ON b.id = n.id
        JOIN products p ON p.id = b.product_id
        JOIN product_classes pc ON pc.code = p.class_code
        LEFT JOIN production_bases pb ON pb.id = b.base_id
        LEFT JOIN code_lookups l ON n.depth = 0 AND l.code = b.code
        ORDER BY n.depth, b.created_at`,
  );
}

/** Which of these codes are codes of batches (the suggestions of a mistyped code, the bulk check, the Digital Link). */
export async function existingBatchCodes(db: Executor, codes: string[]): Promise<{ code: string; status: string; product_name: string; gtin: string | null }[]> {
  if (!codes.length) return [];
  return queryRows(
    db,
    sql`SELECT b.code, b.status, p.name AS product_name, p.gtin FROM batches b JOIN products p ON p.id = b.product_id
        WHERE b.code = ANY(${`{${codes.join(',')}}`}::text[])`,
  );
}

/** Which of these codes were issued (a print run's code not yet bound to a batch is known, just empty). */
export async function issuedCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await queryRows<{ code: string }>(db, sql`SELECT code FROM trace_codes WHERE code = ANY(${`{${codes.join(',')}}`}::text[])`);
  return new Set(rows.map((r) => r.code));
}

import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { preparedQuery, queryRows } from '../../../platform/db/rows.js';
import { subjectNames } from '../../registry/index.js';
import type { AnimalDetails } from '../animal.shared.js';
import type { Holder } from '../schema.js';

/**
 * One batch of a code's chain as public_chains holds it (db/migrations/0013_public_chains.sql): what never changes
 * once written. The code's own batch is at depth 0, the batches it came from further back.
 */
export type PublicHop = {
  id: string;
  code: string;
  depth: number;
  source: string;
  quantity: number;
  unit: string;
  harvest_date: string | null;
  created_at: string;
  self_check: string;
  region_code: string;
  /** The registered holder, whose public facts are read live (`subjects`). */
  subject_id: string | null;
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
};

/** A code's chain (nearest first) with what is read live at each look-up. */
export type PublicChain = {
  hops: PublicHop[];
  /** Status and pledge of each batch of the chain. */
  live: { id: string; status: string; certified_at: string | null; tested_at: string | null; voided_at?: string | null; void_reason?: string | null; animal?: AnimalDetails | null; variety?: string | null; soil_note?: string | null; water_note?: string | null }[] | null;
  /** The registered holders of the chain; their public facts come from the registry (createPublicSubjects). */
  subject_ids: string[];
  /** Those of them that are suspended, read live. */
  suspended: string[] | null;
  lookups: number | null;
  first_lookup_at: string | null;
};

/**
 * What the public page shows of a code that changes with each look-up or may have changed since the batch was
 * written, in one statement of primary-key reads beside the code's stored chain (the page is the platform's
 * busiest read): the chain as written — its batch and every batch it came from, nearest first, with product, class
 * and base township; the status, pledge and last test (监测) of each of those batches; which holders are suspended; the look-up
 * count. One row of a few JSON columns: the driver parses each
 * column of each row in JavaScript, which for rows of two dozen typed columns cost this route more than building
 * the JSON costs PostgreSQL. Phones and street addresses never leave the database: stored holders are stripped.
 */
export async function publicChain(db: Executor, code: string): Promise<PublicChain | null> {
  const [chain] = await publicChainQuery(db, code);
  return chain ?? null;
}

const publicChainQuery = preparedQuery<PublicChain, [code: string]>(
  'public_chain',
  (code) => sql`SELECT f.chain AS hops,
      -- Every batch of the chain in one subquery: measured cheaper than reading the few that matter in two.
      (SELECT json_agg(json_build_object('id', b.id, 'status', b.status, 'certified_at', b.certified_at, 'tested_at', b.tested_at, 'voided_at', b.voided_at, 'void_reason', b.void_reason, 'animal', b.animal, 'variety', b.variety, 'soil_note', b.soil_note, 'water_note', b.water_note)) FROM batches b WHERE b.id = ANY(f.batch_ids)) AS live,
      f.subject_ids,
      -- Read through the registry's view; the partial index subjects_suspended holds only suspended subjects.
      (SELECT array_agg(${subjectNames.id}) FROM ${subjectNames} WHERE ${subjectNames.id} = ANY(f.subject_ids) AND ${subjectNames.status} = 'suspended') AS suspended,
      l.count AS lookups, l.first_at AS first_lookup_at
    FROM public_chains f LEFT JOIN code_lookups l ON l.code = f.code
    WHERE f.code = ${code}`,
);

/** Which of these codes are codes of batches (the suggestions of a mistyped code, the bulk check, the Digital Link). */
export async function existingBatchCodes(db: Executor, codes: string[]): Promise<{ code: string; status: string; product_name: string; gtin: string | null; voided_at: string | Date | null; void_reason: string | null }[]> {
  if (!codes.length) return [];
  return queryRows(
    db,
    sql`SELECT b.code, b.status, p.name AS product_name, p.gtin, b.voided_at, b.void_reason FROM batches b JOIN products p ON p.id = b.product_id
        WHERE b.code = ANY(${`{${codes.join(',')}}`}::text[])`,
  );
}

/** Which of these codes were issued (a print run's code not yet bound to a batch is known, just empty). */
export async function issuedCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await queryRows<{ code: string }>(db, sql`SELECT code FROM trace_codes WHERE code = ANY(${`{${codes.join(',')}}`}::text[])`);
  return new Set(rows.map((r) => r.code));
}

/** A 承诺达标合格证 of the chain as the public page lists it: the register row's terms, no person's data. */
export type ChainCertificate = { number: string; batch_id: string; subject_id: string; issuer_role: string; basis: string; tested_items: string[]; quantity: number; unit: string; issued_on: string };

/** The certificates issued on these batches (those the chain says were certified), newest first, at most 20. */
export async function chainCertificates(db: Executor, batchIds: string[]): Promise<ChainCertificate[]> {
  return queryRows<ChainCertificate>(
    db,
    sql`SELECT number, batch_id, subject_id, issuer_role, basis, tested_items, quantity::float8 AS quantity, unit, issued_on::text AS issued_on
        FROM certificates WHERE batch_id = ANY(${`{${batchIds.join(',')}}`}::uuid[]) ORDER BY issued_at DESC LIMIT 20`,
  );
}

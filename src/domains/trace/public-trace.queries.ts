import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { preparedQuery, queryRows } from '../../platform/db/rows.js';
import { certificatesPublicJsonSql, subjectsPublicJsonSql } from '../registry/index.js';
import type { Holder } from './schema.js';

export type PublicSubject = { name: string; orgForm: number; regionCode: string; status: string };
export type PublicCertificate = { kind: string; number: string; products: string; issuer: string | null; validFrom: string; validTo: string; verified: boolean };

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
  /** Status and pledge of the batch itself and of each producing batch. */
  live: { id: string; status: string; certified_at: string | null }[] | null;
  /** Any batch of the chain whose status warns (failed, recalled). */
  alerts: { id: string; status: string }[] | null;
  subjects: Record<string, PublicSubject> | null;
  /** The certificates of the producing subjects, by subject. */
  certificates: Record<string, PublicCertificate[]> | null;
  lookups: number | null;
  first_lookup_at: string | null;
};

/**
 * Everything the public page shows of a code, in one statement of primary-key reads (the page is the platform's
 * busiest read): the code's public chain as written with its batches — its batch and every batch it came from,
 * nearest first, with product, class and base township — and what can have changed since: the status and pledge of
 * the batch and of each producing batch, any other batch's status that warns, each registered holder's public
 * facts, the producers' certificates, the look-up count. One row of a few JSON columns: the driver parses each
 * column of each row in JavaScript, which for rows of a dozen typed columns cost this route more than building
 * the JSON costs PostgreSQL. Phones and street addresses never leave the database: stored holders are stripped.
 */
export async function publicChain(db: Executor, code: string): Promise<PublicChain | null> {
  const [chain] = await publicChainQuery(db, code);
  return chain ?? null;
}

const publicChainQuery = preparedQuery<PublicChain, [code: string]>(
  'public_chain',
  (code) => sql`SELECT f.chain AS hops,
      (SELECT json_agg(json_build_object('id', b.id, 'status', b.status, 'certified_at', b.certified_at)) FROM batches b WHERE b.id = ANY(f.live_ids)) AS live,
      -- Statuses that warn are few: the partial index batches_alert answers for the whole chain in a probe or two.
      (SELECT json_agg(json_build_object('id', b.id, 'status', b.status)) FROM batches b WHERE b.id = ANY(f.batch_ids) AND b.status IN ('failed', 'recalled')) AS alerts,
      ${subjectsPublicJsonSql(sql`f.subject_ids`)} AS subjects,
      ${certificatesPublicJsonSql(sql`f.producer_ids`)} AS certificates,
      l.count AS lookups, l.first_at AS first_lookup_at
    FROM public_chains f LEFT JOIN code_lookups l ON l.code = f.code
    WHERE f.code = ${code}`,
);

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

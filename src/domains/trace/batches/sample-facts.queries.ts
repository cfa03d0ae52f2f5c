import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { maskIdNumber } from '../../../platform/pii/pii.js';
import { subjectIdsOfShownIdentitySql } from '../../registry/index.js';
import { describeCode, type CodeDescription } from '../codes/codes.js';
import { batchCodeOfAlias, type ResolvedFrom } from '../aliases/index.js';
import { traceError } from '../errors.js';
import { issuedCodes } from '../public/public-trace.queries.js';
import { whatIsCode } from '../codes/code.service.js';
import { subjectNameOf } from '../subject-names.js';

/**
 * What a sampling sheet (抽样单) is filled from when a code is scanned: the batch the code names, its product and
 * class, its holder, the producer's county and the chain. The same shape as monitoring's `SampleFacts` (declared here
 * too: trace does not import monitoring). Public-level facts only: no phone, no address, a person recorded by hand
 * by the family name.
 */
export type SampleFacts = {
  code: string;
  codeType: number;
  batchId: string | null;
  productName: string;
  classCode: string;
  classZh: string;
  subjectId: string | null;
  subjectName: string | null;
  originRegion: string | null;
  /** The sampled batch first (depth 0), then each batch it came from, nearest first. */
  chain: { code: string; subjectName: string; regionCode: string; at: string; source: string }[];
  /** Set when the code scanned is a foreign code of the batch (issue 17 §2). */
  resolvedFrom?: ResolvedFrom | null;
};

type HopRow = {
  id: string;
  code: string;
  depth: number;
  source: string;
  region_code: string;
  created_at: string;
  subject_id: string | null;
  subject_name: string | null;
  holder_name: string | null;
  market: boolean;
  product_name: string;
  class_code: string;
  class_zh: string;
};

/**
 * The facts of any product code (batch 1, trace 2, market-entry voucher 3, or a long code), for a sampler. A code
 * that is no product code, or mistyped, is a 400 (CODE_INVALID, as at every scan endpoint); one no batch carries
 * (a temporary product code among them) is a 404 (CODE_UNKNOWN). Read from the code's stored public chain
 * (public_chains), so a long chain costs one row.
 */
export async function sampleFactsOfCode(db: Executor, code: string): Promise<SampleFacts> {
  if (describeCode(code).kind !== 'product') {
    const hit = await batchCodeOfAlias(db, code);
    if (hit) return { ...(await sampleFactsOfCode(db, hit.code)), resolvedFrom: hit.resolvedFrom };
  }
  const d = whatIsCode(code);
  if (d.kind !== 'product' && d.kind !== 'long') throw traceError('CODE_INVALID', { problem: 'NOT_A_PRODUCT_CODE' });
  const short = d.kind === 'long' ? await codeOfLongCode(db, describeCode(code) as Extract<CodeDescription, { kind: 'long' }>) : d.code;
  const hops = short ? await chainOf(db, short) : [];
  if (!hops.length) throw traceError('CODE_UNKNOWN', { issued: d.kind === 'product' && (await issuedCodes(db, [d.code])).has(d.code) });
  const self = hops[0]!;
  // The producer is the nearest batch that was produced or processed (whose maker answers for what is in it).
  const origin = hops.find((h) => h.source === 'own' || h.source === 'process') ?? hops[hops.length - 1]!;
  return {
    code: self.code,
    codeType: Number(self.code[0]),
    batchId: self.id,
    productName: self.product_name,
    classCode: self.class_code,
    classZh: self.class_zh,
    subjectId: self.subject_id,
    subjectName: holderName(self) || null,
    originRegion: origin.region_code.slice(0, 6),
    chain: hops.map((h) => ({ code: h.code, subjectName: holderName(h), regionCode: h.region_code, at: new Date(h.created_at).toISOString(), source: h.source })),
  };
}

/** A registered holder by its name, a market by its name, a person recorded by hand by the family name only (张**). */
function holderName(h: HopRow): string {
  if (h.subject_name) return h.subject_name;
  const name = h.holder_name ?? '';
  if (h.market || !name) return name;
  return name[0] + '*'.repeat(Math.max(1, Math.min(name.length - 1, 3)));
}

async function chainOf(db: Executor, code: string): Promise<HopRow[]> {
  return queryRows<HopRow>(
    db,
    sql`SELECT h->>'id' AS id, h->>'code' AS code, (h->>'depth')::int AS depth, h->>'source' AS source, h->>'region_code' AS region_code,
          h->>'created_at' AS created_at, h->>'subject_id' AS subject_id,
          CASE WHEN h->>'subject_id' IS NOT NULL THEN ${subjectNameOf(sql`(h->>'subject_id')::uuid`)} END AS subject_name,
          h->'holder'->>'name' AS holder_name, (h->'holder'->>'marketKind' IS NOT NULL OR h->>'source' = 'market_entry') AS market,
          h->>'product_name' AS product_name, h->>'class_code' AS class_code, h->>'class_zh' AS class_zh
        FROM public_chains f CROSS JOIN LATERAL json_array_elements(f.chain) WITH ORDINALITY AS c(h, n)
        WHERE f.code = ${code}
        ORDER BY c.n`,
  );
}

/**
 * The short code behind a long code (追溯长码 `{type}.{category}.{ID18}.{class}.{yyyyMMddHHmmss}.{seq3}`, DESIGN.md §3):
 * the seq-th batch (from 001, in order of recording) of that type and product class that the subject of that
 * identity recorded in that second, China time. The identity is matched as lists show it (a credit code in full, a
 * resident ID masked), so nothing is decrypted; the second, the class and the sequence make the match exact.
 */
async function codeOfLongCode(db: Executor, d: Extract<CodeDescription, { kind: 'long' }>): Promise<string | undefined> {
  const seq = Number(d.seq);
  if (seq < 1) return undefined;
  const unpadded = d.identity.replace(/^0+/, '');
  const shown = [...new Set([d.identity, maskIdNumber(d.identity), unpadded, maskIdNumber(unpadded)])];
  const at = new Date(d.issuedAt);
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`SELECT b.code FROM batches b JOIN products p ON p.id = b.product_id
        WHERE b.subject_id IN (${subjectIdsOfShownIdentitySql(d.category, shown)})
          AND b.created_at >= ${at.toISOString()}::timestamptz AND b.created_at < ${at.toISOString()}::timestamptz + interval '1 second'
          AND p.class_code = ${d.productClass} AND left(b.code, 1) = ${String(d.type)}
        ORDER BY b.created_at, b.id
        OFFSET ${seq - 1} LIMIT 1`,
  );
  return row?.code;
}

import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import { agencyNames } from '../registry/index.js';
import type { PublicSampleResult } from '../trace/index.js';

/** Most samples a public page lists (the latest); a batch sampled more often than this shows its newest. */
const MAX_SAMPLES = 10;

type Row = {
  agency_id: string;
  sampled_at: Date | string;
  code: string;
  verdict: 'pass' | 'fail';
  results: { zh: string; en: string; detected: boolean; value: number; limit: number | null; verdict: 'pass' | 'fail' }[] | null;
};

/**
 * 监测结果 for the public page (消费查询) of a chain whose batches `batchIds` were tested: each judged sample of them,
 * latest first, with its latest report's verdict and results. Public facts only: the date sampled, the code, the
 * testing agency's name, the verdicts and each analyte's value against its limit, in mg/kg; no person is named (no
 * sampler, no lab staff, no witness), no place, no photo. Injected into trace's public routes from app.ts.
 */
export async function publicSampleResults(db: Executor, batchIds: string[]): Promise<PublicSampleResult[]> {
  if (!batchIds.length) return [];
  const rows = await queryRows<Row>(
    db,
    sql`SELECT s.agency_id::text AS agency_id, s.sampled_at, s.code, s.verdict,
          (SELECT json_agg(json_build_object('zh', a.name_zh, 'en', a.name_en, 'detected', r.detected, 'value', r.value_mg_per_kg,
                  'limit', r.limit_mg_per_kg, 'verdict', r.verdict) ORDER BY r.verdict = 'pass', r.analyte_code)
           FROM sample_results r JOIN analytes a ON a.code = r.analyte_code
           WHERE r.sample_id = s.id AND r.version = s.report_version) AS results
        FROM samples s
        WHERE s.batch_id = ANY(${`{${batchIds.join(',')}}`}::uuid[]) AND s.verdict IS NOT NULL AND s.report_version > 0
        ORDER BY s.sampled_at DESC, s.id
        LIMIT ${MAX_SAMPLES}`,
  );
  if (!rows.length) return [];
  const agencies = await agencyNames(db, rows.map((r) => r.agency_id));
  return rows.map((r) => ({
    sampledAt: new Date(r.sampled_at),
    batchCode: r.code,
    agencyName: agencies.get(r.agency_id) ?? '',
    verdict: r.verdict,
    results: (r.results ?? []).map((x) => ({
      analyte: { zh: x.zh, en: x.en },
      detected: x.detected,
      valueMgPerKg: Number(x.value),
      limitMgPerKg: x.limit === null ? null : Number(x.limit),
      verdict: x.verdict,
    })),
  }));
}

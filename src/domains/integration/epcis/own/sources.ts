import { sql } from 'drizzle-orm';
import type { Executor } from '../../../../platform/db/client.js';
import { queryRows, readsOf } from '../../../../platform/db/rows.js';

// The Tracenet records made into EPCIS events, read as plain rows: trace events, the lots and trades they name,
// samples with their verdicts, base inspections and recall orders. Only ids, codes, quantities and dates are read:
// no name, address, phone or identity number is selected, so none can reach an event.

export type TraceEventRow = {
  id: number;
  eventType: string;
  action: string;
  bizStep: string;
  disposition: string | null;
  codes: string[];
  subjectId: string;
  regionCode: string;
  at: Date;
  detail: Record<string, unknown>;
  sellerSubjectId: string | null;
  buyerSubjectId: string | null;
};

export type LotRow = { code: string; gtin: string | null; unit: string; classCode: string; harvestDate: string | null; quantity: number; variety: string | null; soilNote: string | null; waterNote: string | null };

export async function traceEventsById(db: Executor, ids: number[]): Promise<TraceEventRow[]> {
  if (!ids.length) return [];
  return queryRows<TraceEventRow>(
    db,
    sql`SELECT te.id::int AS id, te.event_type AS "eventType", te.action, te.biz_step AS "bizStep", te.disposition, te.codes::text[] AS codes,
               te.subject_id AS "subjectId", te.region_code AS "regionCode", te.at, te.detail,
               t.seller_subject_id AS "sellerSubjectId", t.buyer_subject_id AS "buyerSubjectId"
        FROM trace_events te
        LEFT JOIN trades t ON t.id = CASE WHEN te.detail->>'tradeId' ~ '^[0-9a-f-]{36}$' THEN (te.detail->>'tradeId')::uuid END
        WHERE te.id = ANY(${`{${ids.join(',')}}`}::bigint[]) ORDER BY te.id`,
  );
}

export async function lotsByCode(db: Executor, codes: string[]): Promise<Map<string, LotRow>> {
  if (!codes.length) return new Map();
  const rows = await queryRows<LotRow>(
    db,
    sql`SELECT b.code, p.gtin, b.unit, p.class_code AS "classCode", b.harvest_date::text AS "harvestDate", b.quantity::float8 AS quantity,
               b.variety, b.soil_note AS "soilNote", b.water_note AS "waterNote"
        FROM batches b JOIN products p ON p.id = b.product_id WHERE b.code = ANY(${`{${[...new Set(codes)].join(',')}}`}::text[])`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export type SampleRow = {
  id: string;
  agencyId: string;
  regionCode: string;
  code: string;
  quantity: number;
  unit: string;
  sampledAt: Date;
  verdict: string | null;
  reportVersion: number;
  judgedAt: Date | null;
};
export type InspectionRow = { id: string; agencyId: string; subjectId: string; regionCode: string; conclusion: string; inspectedAt: Date };
export type RecallRow = { id: string; agencyId: string; regionCode: string; kind: string; code: string; issuedAt: Date };

/**
 * Records made or judged since `since` (a window a little wider than the last sync, so one committed late is not
 * passed over; the events' unique source keys make a second pass harmless).
 */
export async function agencyRecordsSince(db: Executor, since: Date) {
  const at = since.toISOString();
  const [samples, inspections, recalls] = await readsOf(db, [
    () => queryRows<SampleRow>(
      db,
      sql`SELECT id, agency_id AS "agencyId", region_code AS "regionCode", code, quantity::float8 AS quantity, unit, sampled_at AS "sampledAt",
                 verdict, report_version AS "reportVersion", judged_at AS "judgedAt"
          FROM samples WHERE sampled_at >= ${at}::timestamptz OR judged_at >= ${at}::timestamptz`,
    ),
    () => queryRows<InspectionRow>(
      db,
      sql`SELECT id, agency_id AS "agencyId", subject_id AS "subjectId", region_code AS "regionCode", conclusion, inspected_at AS "inspectedAt"
          FROM inspections WHERE inspected_at >= ${at}::timestamptz`,
    ),
    () => queryRows<RecallRow>(
      db,
      sql`SELECT r.id, r.agency_id AS "agencyId", r.agency_region AS "regionCode", r.kind, s.code, r.issued_at AS "issuedAt"
          FROM recall_orders r JOIN samples s ON s.id = r.sample_id WHERE r.issued_at >= ${at}::timestamptz`,
    ),
  ]);
  return { samples, inspections, recalls };
}

/**
 * The lots Tracenet identifiers name, by the code given: a batch's own code, or a product code printed for it (an
 * alias, `trace_codes.batch_id`). A Digital Link's GTIN must be its product's: a code under another GTIN is not ours.
 */
export async function lotsOfIdentifiers(db: Executor, refs: { code: string; gtin: string | null }[]): Promise<Map<string, string>> {
  if (!refs.length) return new Map();
  const codes = [...new Set(refs.map((r) => r.code))];
  const rows = await queryRows<{ given: string; code: string; gtin: string | null }>(
    db,
    sql`SELECT g.code AS given, b.code, p.gtin
        FROM unnest(${`{${codes.join(',')}}`}::text[]) AS g(code)
        JOIN LATERAL (SELECT b.code, b.product_id FROM batches b WHERE b.code = g.code
                      UNION ALL
                      SELECT b.code, b.product_id FROM trace_codes tc JOIN batches b ON b.id = tc.batch_id WHERE tc.code = g.code
                      LIMIT 1) b ON true
        JOIN products p ON p.id = b.product_id`,
  );
  const found = new Map(rows.map((r) => [r.given, r]));
  const out = new Map<string, string>();
  for (const ref of refs) {
    const lot = found.get(ref.code);
    if (lot && (ref.gtin === null || ref.gtin === lot.gtin)) out.set(`${ref.gtin ?? ''}/${ref.code}`, lot.code);
  }
  return out;
}

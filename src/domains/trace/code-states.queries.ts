import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';

/** A code's batch as a partner checking its goods sees it: no holder, no quantity, the state that matters to it. */
export type CodeState = { code: string; batchId: string; batchCode: string; status: string; regionCode: string; productName: string; classCode: string | null };

/**
 * The batches of many codes at once (a market's or shop's bulk check, issue 17 §5): a batch code, or a trace code
 * issued for a batch. Codes no batch carries are absent from the answer. One statement for up to a thousand codes;
 * the caller passes codes of digits and letters only (they are joined into an array literal).
 */
export async function batchStatesOfCodes(db: Executor, codes: readonly string[]): Promise<CodeState[]> {
  if (!codes.length) return [];
  return queryRows<CodeState>(
    db,
    sql`SELECT c.code, b.id AS "batchId", b.code AS "batchCode", b.status, b.region_code AS "regionCode", p.name AS "productName", p.class_code AS "classCode"
        FROM unnest(${`{${codes.join(',')}}`}::text[]) AS c(code)
        LEFT JOIN trace_codes t ON t.code = c.code AND t.batch_id IS NOT NULL
        JOIN batches b ON b.id = coalesce(t.batch_id, (SELECT x.id FROM batches x WHERE x.code = c.code))
        JOIN products p ON p.id = b.product_id`,
  );
}

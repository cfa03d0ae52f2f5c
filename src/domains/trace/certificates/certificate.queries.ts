import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { subjectNameOf } from '../subject-names.js';
import { TESTED_INPUT_KINDS } from './certificate.rules.js';

// The chain questions a certificate asks: what was used on the goods, and what came with them when bought.

/** As deep as the trace routes go: a chain longer than this is not one the platform answers for either. */
const MAX_DEPTH = 20;

/**
 * The pesticides and veterinary drugs recorded on the batch and every batch it came from (whoever recorded them):
 * a purchaser testing a mixed lot answers for what its producers used.
 */
export async function recordedTestables(db: Executor, batchId: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`WITH RECURSIVE up(id, depth) AS (
          SELECT ${batchId}::uuid, 0
          UNION
          SELECT e.from_batch_id, up.depth + 1 FROM up JOIN batch_edges e ON e.to_batch_id = up.id WHERE up.depth < ${MAX_DEPTH})
        SELECT DISTINCT i.name FROM batch_inputs i WHERE i.batch_id IN (SELECT id FROM up) AND i.kind = ANY(${`{${TESTED_INPUT_KINDS.join(',')}}`}::text[])
        ORDER BY i.name`,
  );
  return rows.map((r) => r.name);
}

export type ReceivedCertificate = { id: string; number: string; batchCode: string; issuerName: string | null; basis: string; quantity: number; unit: string; issuedOn: string; receivedAt: string };

/**
 * 收取: the certificates that came with the goods this batch was made of. Walking back through the holder's own
 * batches (merges, splits, processing) to its purchases, each purchase received the certificates its seller had
 * issued on the sold batch by the time the sale completed — one issued later was for other goods.
 */
export async function receivedCertificates(db: Executor, holderId: string, batchId: string): Promise<{ purchased: boolean; received: ReceivedCertificate[] }> {
  const [row] = await queryRows<{ purchased: boolean; received: ReceivedCertificate[] }>(
    db,
    sql`WITH RECURSIVE own(id, source, depth) AS (
          SELECT b.id, b.source, 0 FROM batches b WHERE b.id = ${batchId}::uuid
          UNION
          SELECT b.id, b.source, own.depth + 1 FROM own JOIN batch_edges e ON e.to_batch_id = own.id
            JOIN batches b ON b.id = e.from_batch_id AND b.subject_id = ${holderId}::uuid WHERE own.depth < ${MAX_DEPTH}),
        got AS (
          SELECT DISTINCT ON (c.number) c.id, c.number, sb.code AS "batchCode", ${subjectNameOf(sql`c.subject_id`)} AS "issuerName", c.basis,
                 c.quantity::float8 AS quantity, c.unit, c.issued_on::text AS "issuedOn", e.created_at AS "receivedAt"
          FROM own JOIN batch_edges e ON e.to_batch_id = own.id AND e.kind = 'trade'
          JOIN certificates c ON c.batch_id = e.from_batch_id AND c.issued_at <= e.created_at
          JOIN batches sb ON sb.id = c.batch_id
          ORDER BY c.number)
        SELECT EXISTS (SELECT 1 FROM own WHERE source = 'purchase') AS purchased,
               (SELECT coalesce(json_agg(got ORDER BY got.number), '[]'::json) FROM got) AS received`,
  );
  return { purchased: row?.purchased ?? false, received: row?.received ?? [] };
}

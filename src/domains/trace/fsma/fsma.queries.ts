import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { ChainFacts } from './fsma.sheet.js';

/** What the spreadsheet needs beyond the trace graph: bases, English class names, and each trade's own date. */
export async function chainFacts(db: Executor, batchIds: string[], classCodes: string[]): Promise<ChainFacts> {
  const ids = `{${batchIds.join(',')}}`;
  const [bases, classes, trades] = await Promise.all([
    queryRows<{ id: string; name: string }>(db, sql`SELECT b.id, p.name FROM batches b JOIN production_bases p ON p.id = b.base_id WHERE b.id = ANY(${ids}::uuid[])`),
    queryRows<{ code: string; name_en: string }>(db, sql`SELECT code, name_en FROM product_classes WHERE code = ANY(${`{${classCodes.join(',')}}`}::text[])`),
    queryRows<{ buyer_batch_id: string; created_at: Date | string }>(db, sql`SELECT buyer_batch_id, created_at FROM trades WHERE buyer_batch_id = ANY(${ids}::uuid[])`),
  ]);
  return {
    fields: new Map(bases.map((r) => [r.id, r.name])),
    classNames: new Map(classes.map((r) => [r.code, r.name_en])),
    shippedAt: new Map(trades.map((r) => [r.buyer_batch_id, new Date(r.created_at)])),
  };
}

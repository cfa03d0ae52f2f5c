import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';

export type GtinProduct = { name: string; spec: string; brand: string | null; unit: string; class_zh: string; class_en: string; subject_id: string; voided: boolean };

/** The product a GTIN names (a GTIN is unique among products), with its class's names. */
export async function productOfGtin(db: Executor, gtin: string): Promise<GtinProduct | null> {
  const [row] = await queryRows<GtinProduct>(
    db,
    sql`SELECT p.name, p.spec, p.brand, p.unit, c.name_zh AS class_zh, c.name_en AS class_en, p.subject_id, p.status = 'voided' AS voided
        FROM products p JOIN product_classes c ON c.code = p.class_code WHERE p.gtin = ${gtin}`,
  );
  return row ?? null;
}

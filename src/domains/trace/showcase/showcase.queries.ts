import { sql } from 'drizzle-orm';
import { nextPrefix, regionRange } from '../../../platform/auth/visibility.js';
import { chinaDay } from '../../../platform/china-time.js';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';

export type ShowcaseFilter = { region?: string | undefined; class?: string | undefined; cert?: string | undefined };
export type ShowcaseRow = { id: string; name: string; spec: string; brand: string | null; gtin: string | null; classCode: string; subjectId: string; createdAt: Date; batches: number; lastBatchAt: Date | null };

export const PAGE = 20;

const cursorOf = (r: ShowcaseRow) => Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
function afterCursor(cursor: string | undefined) {
  if (!cursor) return sql``;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id ?? '')) return sql``;
  return sql`AND (p.created_at, p.id) < (${new Date(at)}, ${id}::uuid)`;
}

/**
 * Products their producers chose to show (在线展示), of active producers only, newest first: the producer's region
 * and certificates through the registry's views, the class by a code range (a class and every class under it).
 */
export async function showcaseRows(db: Executor, filter: ShowcaseFilter, cursor: string | undefined, now = new Date()) {
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const next = filter.class ? nextPrefix(filter.class) : null;
  const rows = await queryRows<ShowcaseRow>(
    db,
    sql`SELECT p.id, p.name, p.spec, p.brand, p.gtin, p.class_code AS "classCode", p.subject_id AS "subjectId", p.created_at AS "createdAt",
               b.n AS batches, b.last AS "lastBatchAt"
          FROM products p
          JOIN registry_subject_identities si ON si.id = p.subject_id AND si.status = 'active'
          CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE created_at >= ${since})::int AS n, max(created_at) AS last
                                FROM batches WHERE subject_id = p.subject_id AND product_id = p.id AND status <> 'voided') b
         WHERE p.showcased AND p.status = 'active'
           ${filter.region ? sql`AND ${regionRange(sql`si.region_code`, filter.region)}` : sql``}
           ${filter.class ? (next ? sql`AND p.class_code >= ${filter.class} AND p.class_code < ${next}` : sql`AND p.class_code >= ${filter.class}`) : sql``}
           ${filter.cert ? sql`AND EXISTS (SELECT 1 FROM registry_subject_certificate_kinds c WHERE c.subject_id = p.subject_id AND c.kind = ${filter.cert} AND c.status = 'verified' AND c.valid_to >= ${chinaDay(now)})` : sql``}
           ${afterCursor(cursor)}
         ORDER BY p.created_at DESC, p.id DESC LIMIT ${PAGE + 1}`,
  );
  const page = rows.slice(0, PAGE).map((r) => ({ ...r, createdAt: new Date(r.createdAt), lastBatchAt: r.lastBatchAt ? new Date(r.lastBatchAt) : null }));
  return { rows: page, nextCursor: rows.length > PAGE ? cursorOf(page.at(-1)!) : null };
}

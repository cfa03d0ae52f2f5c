import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { todayInChina } from '../../platform/china-time.js';
import type { Executor } from '../../platform/db/client.js';
import { regionRange } from '../../platform/auth/visibility.js';
import { subjectCertificates, subjects } from './schema.js';
import { regionNameOf, regionPaths } from '../regions/index.js';

/**
 * Who a notice to producers reaches (an agency's 通知 to the subjects of its jurisdiction), without the notices
 * domain naming the registry's tables. Each list means "any of these"; an empty list does not narrow.
 */
export type NoticeAudience = {
  /** Region-code prefixes, each already checked to lie within the sender's jurisdiction (never empty). */
  regions: string[];
  industries: string[];
  categories: number[];
  /** 三品一标 / 承诺达标 kinds: the subject holds a certificate of one of them, verified and valid today. */
  certificateKinds: string[];
};

/** Today in China (UTC+8), as certificates' validity is written. */

const list = (values: (string | number)[]) => sql.join(
  values.map((v) => sql`${v}`),
  sql`, `,
);

/** Registered subjects (active or suspended: temporary ones have no account to read with) in the audience. */
function audienceWhere(a: NoticeAudience): SQL {
  if (a.regions.length === 0) throw new Error('a notice audience names at least one region');
  return and(
    inArray(subjects.status, ['active', 'suspended']),
    sql`(${sql.join(
      a.regions.map((r) => regionRange(subjects.regionCode, r)),
      sql` OR `,
    )})`,
    a.industries.length ? sql`${subjects.industries} && ARRAY[${list(a.industries)}]::text[]` : undefined,
    a.categories.length ? inArray(subjects.category, a.categories) : undefined,
    a.certificateKinds.length
      ? sql`EXISTS (SELECT 1 FROM ${subjectCertificates} c WHERE c.subject_id = ${subjects.id} AND c.kind IN (${list(a.certificateKinds)}) AND c.status = 'verified' AND c.valid_to >= ${todayInChina()})`
      : undefined,
  )!;
}

/** How many subjects the audience holds now (the sender's preview before sending). */
export async function countNoticeAudience(db: Executor, a: NoticeAudience): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(subjects).where(audienceWhere(a));
  return Number(row?.n ?? 0);
}

/**
 * `SELECT id, name, region_code` of the subjects the audience holds at this moment: the recipient set is frozen by
 * inserting from it in the sending transaction, so a province's many thousands never travel through the server.
 */
export function noticeAudienceSql(a: NoticeAudience): SQL {
  return sql`SELECT ${subjects.id} AS id, ${subjects.name} AS name, ${subjects.regionCode} AS region_code FROM ${subjects} WHERE ${audienceWhere(a)}`;
}

/** Full region names (山东省 潍坊市 寿光市 化龙镇) of many codes at once, for a list of recipients. */
export async function regionNamesOf(db: Executor, codes: string[]): Promise<Map<string, string>> {
  const paths = await regionPaths(db, [...new Set(codes)]);
  return new Map([...paths].map(([code, path]) => [code, regionNameOf(path) ?? code]));
}

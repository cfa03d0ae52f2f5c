import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { traceError } from '../errors.js';
import { products } from '../schema.js';
import { chinaDay } from '../../../platform/china-time.js';
import type { PublicSubjects } from '../../registry/index.js';
import { regionNameOf, regionPaths } from '../../regions/index.js';
import { productClassNames } from '../master-data/product-class.service.js';
import { publicSubjectName } from '../public/public-trace.service.js';
import { showcaseRows, type ShowcaseFilter } from './showcase.queries.js';

export type ShowcaseDeps = { db: Db; subjects: PublicSubjects };

/** Certificates a buyer may rely on: verified (by an agency or the issuing system) and valid today. */
const SHOWN_KINDS = new Set(['green', 'organic', 'geo']);

/**
 * A page of the showcase as buyers read it: product, class, producer (a person by family name), its county and valid
 * certificates, and how actively it records batches. No phone, street address or identity number.
 */
export async function showcasePage(deps: ShowcaseDeps, filter: ShowcaseFilter, cursor: string | undefined) {
  const { rows, nextCursor } = await showcaseRows(deps.db, filter, cursor);
  const [subjects, classes] = await Promise.all([deps.subjects.get([...new Set(rows.map((r) => r.subjectId))]), productClassNames(deps.db, [...new Set(rows.map((r) => r.classCode))])]);
  const counties = [...new Set([...subjects.values()].map((s) => s.regionCode.slice(0, 6)))];
  const paths = await regionPaths(deps.db, counties);
  const today = chinaDay(new Date());
  const items = rows.flatMap((r) => {
    const s = subjects.get(r.subjectId);
    if (!s) return [];
    const county = s.regionCode.slice(0, 6);
    const klass = classes.get(r.classCode);
    return [
      {
        id: r.id,
        name: r.name,
        spec: r.spec,
        brand: r.brand,
        gtin: r.gtin,
        className: { zh: klass?.nameZh ?? r.classCode, en: klass?.nameEn ?? r.classCode },
        producer: {
          name: publicSubjectName(s),
          region: { code: county, name: regionNameOf(paths.get(county)) ?? county },
          certificates: s.certificates.filter((c) => SHOWN_KINDS.has(c.kind) && c.verified && c.validFrom <= today && today <= c.validTo).map((c) => ({ kind: c.kind, validTo: c.validTo })),
        },
        batches: r.batches,
        lastBatchOn: r.lastBatchAt ? chinaDay(r.lastBatchAt) : null,
      },
    ];
  });
  return { items, nextCursor };
}

/** The producer shows one of its active products in the showcase, or stops showing it. */
export async function setShowcased(db: Db, ctx: CommandContext, id: string, shown: boolean) {
  const actor = subjectActorIn(ctx);
  return withTransaction(db, ctx, async (tx) => {
    const [row] = await tx
      .update(products)
      .set({ showcased: shown })
      .where(and(eq(products.id, id), eq(products.subjectId, actor.subject.id), eq(products.status, 'active')))
      .returning({ id: products.id, showcased: products.showcased });
    if (!row) throw traceError('PRODUCT_NOT_FOUND');
    await recordAudit(tx, ctx, { action: 'trace.product_showcase', targetType: 'product', targetId: row.id, regionCode: actor.subject.regionCode, after: { showcased: row.showcased } });
    return row;
  });
}

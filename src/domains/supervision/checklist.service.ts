import { and, eq, sql } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { httpError } from '../../platform/http/errors.js';
import { DEFAULT_CHECKLISTS } from './checklist.defaults.js';
import type { INSPECTION_INDUSTRIES } from './contracts.js';
import type { SupervisionDeps } from './deps.js';
import { checklistTemplates } from './schema.js';

type Industry = (typeof INSPECTION_INDUSTRIES)[number];
type Item = { key: string; zh: string; en: string };

/** The province an official works in ('' for the ministry, which sees the national default). */
const provinceOf = (actor: AgencyActor) => actor.agency.regionCode.slice(0, 2);

/** The checklist an inspection of this industry in this province is filled against. */
export async function effectiveChecklist(db: Executor, province: string, industry: Industry) {
  const [own] = province
    ? await db
        .select()
        .from(checklistTemplates)
        .where(and(eq(checklistTemplates.provinceCode, province), eq(checklistTemplates.industry, industry)))
    : [];
  if (own) return { industry, provinceCode: own.provinceCode, version: own.version, items: own.items };
  return { industry, provinceCode: null, version: 0, items: DEFAULT_CHECKLISTS[industry] };
}

export async function checklistFor(deps: SupervisionDeps, actor: AgencyActor, industry: Industry, province?: string) {
  return effectiveChecklist(deps.db, province ?? provinceOf(actor), industry);
}

/** 检查表模板: a province supervision agency replaces its province's checklist of an industry. */
export async function saveChecklist(deps: SupervisionDeps, ctx: CommandContext, industry: Industry, items: Item[]) {
  const actor = agencyActorIn(ctx);
  const province = provinceOf(actor);
  if (actor.agency.level !== 'province' || !province) throw httpError('FORBIDDEN', { reason: 'PROVINCE_ONLY' });
  const keys = new Set(items.map((i) => i.key));
  if (keys.size !== items.length) throw httpError('VALIDATION_FAILED', { issues: [{ where: 'body', path: 'items', message: 'keys must be unique' }] });
  await withTransaction(deps.db, ctx, async (tx) => {
    await tx
      .insert(checklistTemplates)
      .values({ provinceCode: province, industry, items, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: [checklistTemplates.provinceCode, checklistTemplates.industry],
        set: { items, version: sql`${checklistTemplates.version} + 1`, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, { action: 'supervision.checklist_save', targetType: 'checklist', targetId: `${province}:${industry}`, regionCode: province, after: { items: items.map((i) => i.key) } });
  });
  return effectiveChecklist(deps.db, province, industry);
}

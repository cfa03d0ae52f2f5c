import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { openCase } from '../enforcement/index.js';
import { subjectFacts, subjectVisibility } from '../registry/index.js';
import { alertDetail, ownAlert } from './alert.queries.js';
import type { AlertCaseIn, AlertOut, ResultOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { monitoringAlerts } from './schema.js';
import { citationZh } from './limit-citation.shared.js';

/** Opening an alert marks it read for the whole agency (the first reader is kept, with an audit entry). */
export async function readAlert(deps: MonitoringDeps, ctx: CommandContext, id: string): Promise<AlertOut> {
  const actor = agencyActorIn(ctx);
  const alert = await ownAlert(deps.db, actor, id);
  if (!alert.readAt) {
    await withTransaction(deps.db, ctx, async (tx) => {
      const [marked] = await tx
        .update(monitoringAlerts)
        .set({ readAt: new Date(), readBy: actor.userId })
        .where(and(eq(monitoringAlerts.id, id), isNull(monitoringAlerts.readAt)))
        .returning({ id: monitoringAlerts.id });
      // Another official of the agency opened it a moment before: that one is the reader.
      if (marked) await recordAudit(tx, ctx, { action: 'monitoring.alert_read', targetType: 'monitoring_alert', targetId: id, regionCode: alert.agencyRegion, after: { sampleId: alert.sampleId } });
    });
  }
  return alertDetail(deps.db, actor, id);
}

const limitText = (r: ResultOut) => (r.limitMgPerKg === null ? '禁用' : `限量 ${r.limitMgPerKg} mg/kg`);

/** The case's summary drafted from the alert: the sample, the product, each failing analyte and the recall count. */
function draftSummary(a: AlertOut): string {
  const failed = a.failed.map((r) => `${r.analyteZh} ${r.value} ${r.unit}（${limitText(r)}，${citationZh(r.limitStandard)}）`).join('；');
  const holder = a.subjectName ? `，被抽检主体 ${a.subjectName}` : '';
  return `监测预警：样品 ${a.sampleNo}（${a.productName}，追溯码 ${a.code}${holder}）第 ${a.reportVersion} 版检测报告判定不合格。不合格项目：${failed || '见检测报告'}。预警时召回清单 ${a.recallTotal} 户。`.slice(0, 2000);
}

/**
 * 一键立案: the enforcement agency an alert was sent to opens a case from it, on its own account (source 'own'),
 * against the alert's subject when that subject lies in its jurisdiction. The alert keeps the case in the case's
 * own transaction, so a second opening (even a concurrent one) is refused and leaves no case behind.
 */
export async function openCaseFromAlert(deps: MonitoringDeps, ctx: CommandContext, id: string, input: AlertCaseIn): Promise<AlertOut> {
  const actor = agencyActorIn(ctx);
  const alert = await alertDetail(deps.db, actor, id);
  if (alert.caseId) throw monitoringError('ALERT_CASE_EXISTS', { caseId: alert.caseId });
  const subject = alert.subjectId ? await subjectFacts(deps.db, alert.subjectId) : undefined;
  const subjectId = subject && subjectVisibility.allows(actor, subject) ? subject.id : undefined;
  const title = input.title ?? `${alert.productName}抽检不合格（样品 ${alert.sampleNo}）`.slice(0, 120);
  await openCase(
    deps,
    ctx,
    { ...(subjectId ? { subjectId } : {}), title, summary: input.summary ?? draftSummary(alert) },
    {
      within: async (tx, caseId) => {
        const [taken] = await tx
          .update(monitoringAlerts)
          .set({ caseId })
          .where(and(eq(monitoringAlerts.id, id), isNull(monitoringAlerts.caseId)))
          .returning({ region: monitoringAlerts.agencyRegion });
        if (!taken) throw monitoringError('ALERT_CASE_EXISTS');
        await recordAudit(tx, ctx, { action: 'monitoring.alert_case', targetType: 'monitoring_alert', targetId: id, regionCode: taken.region, after: { caseId, sampleId: alert.sampleId } });
      },
    },
  );
  return alertDetail(deps.db, actor, id);
}

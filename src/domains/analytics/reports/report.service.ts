import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { files } from '../../../platform/files/schema.js';
import { describeFiles, DOCUMENTS, fileError, type FileStorage } from '../../../platform/files/storage.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import type { DocumentIn, DocumentOut, GenerateIn, ReportDetailOut, ReportOut } from './contracts.js';
import { reportError } from './errors.js';
import { reportContent } from './report-content.js';
import type { ReportKind } from './report-content.shared.js';
import { periodStarted } from './report-period.js';
import { periodicReports, reportDocuments } from './schema.js';
import { reportDocumentVisibility, reportVisibility } from './visibility.js';

export type ReportDeps = { db: Db; files: FileStorage };
type Row = typeof periodicReports.$inferSelect;
const p = periodicReports;

/** Documents attached to a 实施方案 or progress report (PDF, docx, xlsx, JPG/PNG), owned by the uploading agency. */
export const REPORT_ATTACHMENT = 'report_attachment';

const visibility = (actor: AgencyActor): SQL => reportVisibility.filter(actor);

const outOf = (r: Row): ReportOut => ({
  id: r.id,
  agencyName: r.agencyName,
  regionCode: r.regionCode,
  kind: r.kind as ReportKind,
  period: r.period,
  version: r.version,
  status: r.status as ReportOut['status'],
  scheduled: r.generatedBy === null,
  generatedAt: r.generatedAt,
  submittedAt: r.submittedAt,
  acknowledgedAt: r.acknowledgedAt,
});
const detailOf = (r: Row): ReportDetailOut => ({ ...outOf(r), content: r.content });

/**
 * Generates the next version of an agency's report for a period, its figures frozen now. The version is the
 * next after the greatest, under the unique index (a concurrent generation fails rather than sharing a number).
 */
export async function generateFor(db: Executor, agency: { id: string; name: string; regionCode: string }, input: GenerateIn, by: string | null): Promise<Row> {
  const content = await reportContent(db, agency.regionCode, input.kind, input.period);
  const [row] = await db
    .insert(p)
    .values({
      agencyId: agency.id,
      agencyName: agency.name,
      regionCode: agency.regionCode,
      kind: input.kind,
      period: input.period,
      version: sql`(SELECT coalesce(max(version), 0) + 1 FROM ${p} WHERE agency_id = ${agency.id} AND kind = ${input.kind} AND period = ${input.period})`,
      content,
      generatedBy: by,
    })
    .returning();
  return row!;
}

export async function generateReport(db: Db, ctx: CommandContext, input: GenerateIn): Promise<ReportDetailOut> {
  const actor = agencyActorIn(ctx);
  if (!periodStarted(input.kind, input.period)) throw reportError('REPORT_PERIOD_NOT_STARTED');
  const row = await withTransaction(db, ctx, async (tx) => {
    const r = await generateFor(tx, actor.agency, input, actor.userId);
    await recordAudit(tx, ctx, { action: 'report.generate', targetType: 'periodic_report', targetId: r.id, regionCode: r.regionCode, after: { kind: r.kind, period: r.period, version: r.version } });
    return r;
  });
  return detailOf(row);
}

export async function visibleReport(db: Executor, actor: AgencyActor, id: string): Promise<Row> {
  const [r] = await db.select().from(p).where(and(eq(p.id, id), visibility(actor)));
  if (!r) throw reportError('REPORT_NOT_FOUND');
  return r;
}

export const reportDetail = async (db: Executor, actor: AgencyActor, id: string) => detailOf(await visibleReport(db, actor, id));

export async function listReports(db: Executor, actor: AgencyActor, q: { limit: number; cursor?: string | undefined; kind?: ReportKind | undefined; status?: ReportOut['status'] | undefined }) {
  const page = keyset({ sort: p.generatedAt, id: p.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters = [visibility(actor), q.kind ? eq(p.kind, q.kind) : undefined, q.status ? eq(p.status, q.status) : undefined];
  const [rows, total] = await Promise.all([
    db.select().from(p).where(and(...filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: p.id }).from(p).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.generatedAt, r.id]);
  return { items: result.items.map(outOf), nextCursor: result.nextCursor, ...totalField(total) };
}

/** Submits a draft to the ministry: only the latest version of its period, only by its own agency (audited). */
export async function submitReport(db: Db, ctx: CommandContext, id: string): Promise<ReportDetailOut> {
  const actor = agencyActorIn(ctx);
  const r = await visibleReport(db, actor, id);
  if (r.agencyId !== actor.agency.id) throw reportError('REPORT_NOT_FOUND');
  const row = await withTransaction(db, ctx, async (tx) => {
    const [latest] = await tx.select({ id: p.id }).from(p).where(and(eq(p.agencyId, r.agencyId), eq(p.kind, r.kind), eq(p.period, r.period))).orderBy(desc(p.version)).limit(1);
    if (latest?.id !== r.id) throw reportError('REPORT_SUPERSEDED');
    const [u] = await tx
      .update(p)
      .set({ status: 'submitted', submittedAt: new Date(), submittedBy: actor.userId })
      .where(and(eq(p.id, id), eq(p.status, 'draft')))
      .returning();
    if (!u) throw reportError('REPORT_STATE');
    await recordAudit(tx, ctx, { action: 'report.submit', targetType: 'periodic_report', targetId: id, regionCode: r.regionCode, after: { kind: r.kind, period: r.period, version: r.version } });
    return u;
  });
  return detailOf(row);
}

/** The ministry acknowledges a submitted report (audited). */
export async function acknowledgeReport(db: Db, ctx: CommandContext, id: string): Promise<ReportDetailOut> {
  const actor = agencyActorIn(ctx);
  const r = await visibleReport(db, actor, id);
  const row = await withTransaction(db, ctx, async (tx) => {
    const [u] = await tx
      .update(p)
      .set({ status: 'acknowledged', acknowledgedAt: new Date(), acknowledgedBy: actor.userId })
      .where(and(eq(p.id, id), eq(p.status, 'submitted')))
      .returning();
    if (!u) throw reportError('REPORT_STATE');
    await recordAudit(tx, ctx, { action: 'report.acknowledge', targetType: 'periodic_report', targetId: id, regionCode: r.regionCode, after: { kind: r.kind, period: r.period, version: r.version } });
    return u;
  });
  return detailOf(row);
}

// 实施方案 and progress reports

export async function saveAttachment(deps: ReportDeps, actor: AgencyActor, bytes: Buffer, filename: string) {
  const saved = await deps.files.save(deps.db, bytes, DOCUMENTS, { purpose: REPORT_ATTACHMENT, regionCode: actor.agency.regionCode, owner: `agency:${actor.agency.id}`, originalName: filename });
  return { fileId: saved.id, name: saved.name, mime: saved.mime, size: saved.size };
}

const documentVisibility = (actor: AgencyActor): SQL => reportDocumentVisibility.filter(actor);

async function documentsOut(db: Executor, rows: (typeof reportDocuments.$inferSelect)[]): Promise<DocumentOut[]> {
  const facts = new Map((await describeFiles(db, rows.flatMap((r) => r.attachments))).map((f) => [f.id, f]));
  return rows.map((r) => ({
    id: r.id,
    agencyName: r.agencyName,
    regionCode: r.regionCode,
    kind: r.kind as DocumentOut['kind'],
    title: r.title,
    note: r.note,
    submitterName: r.submitterName,
    submittedAt: r.submittedAt,
    attachments: r.attachments.flatMap((id) => {
      const f = facts.get(id);
      return f ? [{ id: f.id, name: f.name, mime: f.mime, size: f.size }] : [];
    }),
  }));
}

/** A province submits a 实施方案 or progress report with its attachments (its own uploads), audited. */
export async function submitDocument(deps: ReportDeps, ctx: CommandContext, input: DocumentIn): Promise<DocumentOut> {
  const actor = agencyActorIn(ctx);
  const ids = [...new Set(input.attachments)];
  const owned = await deps.db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.purpose, REPORT_ATTACHMENT), eq(files.owner, `agency:${actor.agency.id}`)));
  if (owned.length !== ids.length) throw reportError('REPORT_ATTACHMENT_NOT_FOUND');
  const row = await withTransaction(deps.db, ctx, async (tx) => {
    const [r] = await tx
      .insert(reportDocuments)
      .values({ agencyId: actor.agency.id, agencyName: actor.agency.name, regionCode: actor.agency.regionCode, kind: input.kind, title: input.title, note: input.note || null, attachments: ids, submittedBy: actor.userId, submitterName: actor.displayName })
      .returning();
    await recordAudit(tx, ctx, { action: 'report.document_submit', targetType: 'report_document', targetId: r!.id, regionCode: r!.regionCode, after: { kind: input.kind, title: input.title, attachments: ids.length } });
    return r!;
  });
  return (await documentsOut(deps.db, [row]))[0]!;
}

export async function listDocuments(db: Executor, actor: AgencyActor, q: { limit: number; cursor?: string | undefined; kind?: DocumentOut['kind'] | undefined }) {
  const page = keyset({ sort: reportDocuments.submittedAt, id: reportDocuments.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters = [documentVisibility(actor), q.kind ? eq(reportDocuments.kind, q.kind) : undefined];
  const [rows, total] = await Promise.all([
    db.select().from(reportDocuments).where(and(...filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: reportDocuments.id }).from(reportDocuments).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.submittedAt, r.id]);
  return { items: await documentsOut(db, result.items), nextCursor: result.nextCursor, ...totalField(total) };
}

export async function readDocumentAttachment(deps: ReportDeps, actor: AgencyActor, id: string, fileId: string) {
  const [r] = await deps.db.select().from(reportDocuments).where(and(eq(reportDocuments.id, id), documentVisibility(actor)));
  if (!r) throw reportError('REPORT_DOCUMENT_NOT_FOUND');
  if (!r.attachments.includes(fileId)) throw fileError('FILE_NOT_FOUND');
  return deps.files.read(deps.db, fileId);
}

/** Who has submitted what and when: per province supervision agency, its latest submitted reports and documents. */
export async function submissions(db: Executor) {
  const rows = await queryRows<{
    regionCode: string;
    agencyName: string;
    mPeriod: string | null;
    mVersion: number | null;
    mAt: Date | string | null;
    mAck: boolean | null;
    hPeriod: string | null;
    hVersion: number | null;
    hAt: Date | string | null;
    hAck: boolean | null;
    documents: number;
    lastDocumentAt: Date | string | null;
  }>(
    db,
    sql`SELECT a.region_code AS "regionCode", a.name AS "agencyName",
          m.period AS "mPeriod", m.version AS "mVersion", m.submitted_at AS "mAt", m.status = 'acknowledged' AS "mAck",
          h.period AS "hPeriod", h.version AS "hVersion", h.submitted_at AS "hAt", h.status = 'acknowledged' AS "hAck",
          (SELECT count(*)::int FROM report_documents d WHERE d.agency_id = a.id) AS documents,
          (SELECT max(submitted_at) FROM report_documents d WHERE d.agency_id = a.id) AS "lastDocumentAt"
        FROM registry_agency_facts a
        LEFT JOIN LATERAL (SELECT period, version, submitted_at, status FROM periodic_reports r WHERE r.agency_id = a.id AND r.kind = 'monthly' AND r.status <> 'draft' ORDER BY period DESC, version DESC LIMIT 1) m ON true
        LEFT JOIN LATERAL (SELECT period, version, submitted_at, status FROM periodic_reports r WHERE r.agency_id = a.id AND r.kind = 'half_year' AND r.status <> 'draft' ORDER BY period DESC, version DESC LIMIT 1) h ON true
        WHERE a.kind = 'supervision' AND a.level = 'province' AND a.status = 'active'
        ORDER BY a.region_code`,
  );
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    items: rows.map((r) => ({
      regionCode: r.regionCode,
      agencyName: r.agencyName,
      monthly: r.mPeriod ? { period: r.mPeriod, version: r.mVersion!, submittedAt: at(r.mAt)!, acknowledged: r.mAck === true } : null,
      halfYear: r.hPeriod ? { period: r.hPeriod, version: r.hVersion!, submittedAt: at(r.hAt)!, acknowledged: r.hAck === true } : null,
      documents: r.documents,
      lastDocumentAt: at(r.lastDocumentAt),
    })),
  };
}

export const PERIODIC_REPORTS_JOB = 'reports.periodic';
const SCHEDULE_CTX: CommandContext = { actor: null, meta: { requestId: PERIODIC_REPORTS_JOB, ip: '127.0.0.1' } };

/**
 * The schedule: for every province supervision agency, the periods due today (last month; the half year just ended,
 * in January and July) get a first version unless one exists. Generated by no person (`generatedBy` null).
 */
export async function generateDueReports(db: Db, due: { kind: ReportKind; period: string }[]): Promise<number> {
  const agencies = await queryRows<{ id: string; name: string; regionCode: string }>(
    db,
    sql`SELECT id, name, region_code AS "regionCode" FROM registry_agency_facts WHERE kind = 'supervision' AND level = 'province' AND status = 'active' ORDER BY region_code`,
  );
  let made = 0;
  for (const a of agencies) {
    for (const d of due) {
      const [exists] = await db.select({ id: p.id }).from(p).where(and(eq(p.agencyId, a.id), eq(p.kind, d.kind), eq(p.period, d.period))).limit(1);
      if (exists) continue;
      await withTransaction(db, null, async (tx) => {
        const r = await generateFor(tx, a, d, null);
        await recordAudit(tx, SCHEDULE_CTX, { action: 'report.generate', targetType: 'periodic_report', targetId: r.id, regionCode: r.regionCode, after: { kind: r.kind, period: r.period, version: r.version, scheduled: true } });
      });
      made++;
    }
  }
  return made;
}

import type { AuditAction } from '../audit/catalog.js';
import type { FastifyReply } from 'fastify';
import { actorRegion, type CommandContext } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import { withTransaction } from '../db/tx.js';
import { defineErrors } from '../http/errors.js';
import { LIST_COUNT_CAP, type Total } from '../http/list-total.js';
import { MAX_PAGE } from '../http/page.shared.js';
import { XLSX, workbookOf, type Sheet } from './workbook.js';

export const exportError = defineErrors({
  EXPORT_TOO_LARGE: {
    status: 422,
    zh: (d) => `符合条件的记录超过 ${String(d.max)} 条，请缩小筛选范围后再导出`,
    en: (d) => `More than ${String(d.max)} records match; narrow the filter before exporting`,
  },
});

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * The rows of a list export: the total first (refused past LIST_COUNT_CAP, so an export is never cut short
 * silently), then the list's own pages read one after another with its cursor — the same filter and jurisdiction
 * as the list on screen, because it is the same query.
 */
export async function exportRows<T>(total: Total, pageAt: (cursor: string | undefined, limit: number) => Promise<Page<T>>): Promise<T[]> {
  if (total.capped) throw exportError('EXPORT_TOO_LARGE', { max: LIST_COUNT_CAP });
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageAt(cursor, MAX_PAGE);
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length <= LIST_COUNT_CAP);
  if (rows.length > LIST_COUNT_CAP) throw exportError('EXPORT_TOO_LARGE', { max: LIST_COUNT_CAP });
  return rows;
}

/** Sends one sheet as an .xlsx attachment named in Chinese (with an ASCII fallback for old clients). */
export async function sendSheet(reply: FastifyReply, file: { ascii: string; zh: string }, sheet: Sheet) {
  const bytes = await workbookOf([sheet]);
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${file.ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${file.zh}.xlsx`)}`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

/**
 * The lists that may be exported: each is a `{domain}.{list}.export` audit action a domain declares (its
 * audit-actions.ts), so a domain adds an exported list there and the platform names none.
 */
export type ExportedList = AuditAction extends infer A ? (A extends `${infer D}.${infer L}.export` ? `${D}.${L}` : never) : never;

/**
 * An export is a read of many records at once, so it is on the record: who, which list, which filter, how many rows,
 * in the exporter's own region's chain. Written before the file is sent (a failed send still was an export).
 */
export async function auditExport(db: Db, ctx: CommandContext, list: ExportedList, filter: Record<string, unknown>, rows: number) {
  const actor = ctx.actor!;
  await withTransaction(db, null, (tx) =>
    recordAudit(tx, ctx, {
      action: `${list}.export`,
      targetType: 'list',
      targetId: list,
      regionCode: actorRegion(actor),
      after: { filter, rows },
    }),
  );
}

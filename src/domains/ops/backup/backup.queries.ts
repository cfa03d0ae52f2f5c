import path from 'node:path';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import type { backupRunsQuery } from '../contracts.js';
import { backupRuns } from '../schema.js';

/** The backup runs, newest first. Not regional: a backup holds the whole country's data. */
export async function listBackupRuns(db: Executor, q: z.infer<typeof backupRunsQuery>) {
  const page = keyset({ sort: backupRuns.id, id: backupRuns.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const [rows, total] = await Promise.all([
    db.select().from(backupRuns).where(page.where).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: backupRuns.id }).from(backupRuns).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.id, r.id]);
  // The folder is the server's business; operations see the file's name.
  return { ...result, ...totalField(total), items: result.items.map((r) => ({ ...r, file: r.file ? path.basename(r.file) : null })) };
}

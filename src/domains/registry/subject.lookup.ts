import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { subjects } from './schema.js';

/** Names and regions of subjects, for other domains that show who holds or trades something (no personal data). */
export async function subjectNames(db: Executor, ids: Iterable<string>): Promise<Map<string, { name: string; regionCode: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: subjects.id, name: subjects.name, regionCode: subjects.regionCode }).from(subjects).where(inArray(subjects.id, unique));
  return new Map(rows.map((r) => [r.id, { name: r.name, regionCode: r.regionCode }]));
}

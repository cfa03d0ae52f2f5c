import { and, eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { activeAgenciesWithin } from '../../registry/index.js';
import { incidentNotices } from './schema.js';

/** The provinces an incident concerns: those it names, or for a national one every province's supervision agency. */
async function provincesOf(tx: Executor, provinces: string[]): Promise<string[]> {
  if (provinces.length) return provinces;
  const agencies = await activeAgenciesWithin(tx, '');
  return [...new Set(agencies.filter((a) => a.kind === 'supervision' && a.level === 'province').map((a) => a.regionCode))];
}

/**
 * Sends a notice to each province concerned (its liaison reads it). Addressed to the province rather than to a person,
 * so a liaison named afterwards still finds it.
 */
export async function noticeProvinces(tx: Tx, incident: { id: string; provinces: string[]; level: number }, kind: 'report' | 'escalate' | 'recover', at: Date): Promise<number> {
  const codes = await provincesOf(tx, incident.provinces);
  if (!codes.length) return 0;
  await tx.insert(incidentNotices).values(codes.map((provinceCode) => ({ incidentId: incident.id, provinceCode, kind, level: incident.level, sentAt: at })));
  return codes.length;
}

/** Notices already sent for an incident, by province (for a test or the page). */
export async function noticesOfIncident(db: Executor, incidentId: string, kinds?: ('report' | 'escalate' | 'recover')[]) {
  return db
    .select()
    .from(incidentNotices)
    .where(and(eq(incidentNotices.incidentId, incidentId), kinds ? inArray(incidentNotices.kind, kinds) : undefined));
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { activeMembersOf, agencyMembers, userNames } from '../../registry/index.js';
import { incidentError } from './errors.js';
import { incidentNo, provinceOf } from './incident.queries.js';
import { incidentLiaisons, incidentNotices, incidents } from './schema.js';

/** The province whose liaison this admin names: its own supervision agency's (province level). */
function ownProvince(actor: AgencyActor): string {
  const province = provinceOf(actor);
  if (!province || actor.agency.level !== 'province') throw incidentError('LIAISON_NOT_OURS');
  return province;
}

async function liaisonOf(db: Executor, provinceCode: string) {
  const [row] = await db.select().from(incidentLiaisons).where(eq(incidentLiaisons.provinceCode, provinceCode));
  if (!row) return { provinceCode, userId: null, displayName: null, username: null, setAt: null };
  const names = await userNames(db, [row.userId]);
  return { provinceCode, userId: row.userId, displayName: names.get(row.userId) ?? null, username: null, setAt: row.setAt };
}

/** The province's liaison and the accounts its admin may choose from (its own agency's active accounts). */
export async function myProvinceLiaison(db: Db, actor: AgencyActor) {
  const province = ownProvince(actor);
  return { liaison: await liaisonOf(db, province), candidates: await activeMembersOf(db, actor.agency.id) };
}

/** 各省指定1人为联络员: one per province, an active account of the province's supervision agency. */
export async function setLiaison(db: Db, ctx: CommandContext, input: { userId: string }) {
  const actor = agencyActorIn(ctx);
  const province = ownProvince(actor);
  const [member] = await agencyMembers(db, actor.agency.id, [input.userId]);
  if (!member) throw incidentError('LIAISON_NOT_OURS');
  await withTransaction(db, ctx, async (tx) => {
    const [before] = await tx.select().from(incidentLiaisons).where(eq(incidentLiaisons.provinceCode, province)).for('update');
    await tx
      .insert(incidentLiaisons)
      .values({ provinceCode: province, userId: member.id, setBy: actor.userId, setAt: new Date() })
      .onConflictDoUpdate({ target: incidentLiaisons.provinceCode, set: { userId: member.id, setBy: actor.userId, setAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'incident.liaison_set', targetType: 'incident_liaison', targetId: province, regionCode: province, before: before ? { userId: before.userId } : null, after: { userId: member.id } });
  });
  return liaisonOf(db, province);
}

/** Every province's liaison, for operations (who to call). */
export async function listLiaisons(db: Db) {
  const rows = await db.select().from(incidentLiaisons).orderBy(incidentLiaisons.provinceCode);
  const names = await userNames(
    db,
    rows.map((r) => r.userId),
  );
  return { items: rows.map((r) => ({ provinceCode: r.provinceCode, userId: r.userId, displayName: names.get(r.userId) ?? null, username: null, setAt: r.setAt })) };
}

/** Whether this account is its province's liaison (the notices are addressed to the province, read by it). */
async function liaisonProvince(db: Executor, actor: AgencyActor): Promise<string | null> {
  const [row] = await db.select({ provinceCode: incidentLiaisons.provinceCode }).from(incidentLiaisons).where(eq(incidentLiaisons.userId, actor.userId));
  return row?.provinceCode ?? null;
}

/** The notices of my province, if I am its liaison (newest first), with how many are unread. */
export async function myNotices(db: Db, actor: AgencyActor) {
  const province = await liaisonProvince(db, actor);
  if (!province) return { items: [], unread: 0 };
  const rows = await db
    .select({
      id: incidentNotices.id,
      incidentId: incidentNotices.incidentId,
      no: incidents.no,
      provinceCode: incidentNotices.provinceCode,
      kind: incidentNotices.kind,
      level: incidentNotices.level,
      phenomenon: incidents.phenomenon,
      sentAt: incidentNotices.sentAt,
      readAt: incidentNotices.readAt,
    })
    .from(incidentNotices)
    .innerJoin(incidents, eq(incidents.id, incidentNotices.incidentId))
    .where(eq(incidentNotices.provinceCode, province))
    .orderBy(desc(incidentNotices.id))
    .limit(200);
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidentNotices)
    .where(and(eq(incidentNotices.provinceCode, province), isNull(incidentNotices.readAt)))) as [{ n: number }];
  return { items: rows.map(({ no, ...r }) => ({ ...r, incidentNo: incidentNo(no) })), unread: n };
}

/** The liaison's receipt of a notice (once; a second read keeps the first time). */
export async function readNotice(db: Db, ctx: CommandContext, id: number) {
  const actor = agencyActorIn(ctx);
  const province = await liaisonProvince(db, actor);
  const [notice] = province ? await db.select().from(incidentNotices).where(and(eq(incidentNotices.id, id), eq(incidentNotices.provinceCode, province))) : [];
  if (!notice) throw incidentError('INCIDENT_NOT_FOUND');
  await db
    .update(incidentNotices)
    .set({ readBy: actor.userId, readAt: new Date() })
    .where(and(eq(incidentNotices.id, id), isNull(incidentNotices.readAt)));
  return myNotices(db, actor);
}

import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { AgencyActor, ClientActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { regionRange, regionWithin } from '../../../platform/auth/visibility.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { maskIdNumber, maskPersonName, type Pii } from '../../../platform/pii/pii.js';
import { checkIdNumber, checkUscc, recordSystemCertificate, subjectStandingsByHash } from '../../registry/index.js';
import { subjectTraceActivity } from '../../trace/index.js';
import { integrationClients } from '../schema.js';
import { ACTIVITY_MONTHS, type CertifiedState, type TraceCheckOutcome } from './certification.shared.js';
import type { CertificationScheme } from '../integration.shared.js';
import { certificationError } from './errors.js';
import { schemeCertificates, traceCheckItems, traceChecks } from './schema.js';

export type CertificationDeps = { db: Db; pii: Pii };

/** An identity number as typed, checked and in the forms Tracenet keeps: its keyed hash and the shown (masked) form. */
type Identity = { hash: string; shown: string; person: boolean };

function identityOf(pii: Pii, raw: string): Identity | null {
  const value = raw.toUpperCase();
  if (checkUscc(value) === null) return { hash: pii.hash(value), shown: value, person: false };
  if (checkIdNumber(value) === null) return { hash: pii.hash(value), shown: maskIdNumber(value), person: true };
  return null;
}

/** The subject's certificate kind a scheme's certificate is (农垦 is none: it stays with the system's own records). */
const SUBJECT_KIND: Record<CertificationScheme, string | null> = { green: 'green', organic: 'organic', geographical: 'geo', state_farm: null };

const activitySince = (now = new Date()) => {
  const since = new Date(now);
  since.setMonth(since.getMonth() - ACTIVITY_MONTHS);
  return since;
};

/** 前置条件 of 认证、年检、续展: is the holder registered, in good standing, and recording its batches? */
export async function standingOf(deps: CertificationDeps, client: ClientActor, idNumber: string) {
  const identity = identityOf(deps.pii, idNumber);
  if (!identity) throw certificationError('IDENTITY_INVALID', { items: [{ index: 0 }] });
  const found = (await subjectStandingsByHash(deps.db, [identity.hash])).get(identity.hash);
  // Outside the client's scope a subject is answered as one it cannot see: not registered (as a 404 elsewhere).
  const subject = found && client.regions.some((p) => regionWithin(found.regionCode, p)) ? found : undefined;
  const since = activitySince();
  const activity = subject ? (await subjectTraceActivity(deps.db, [subject.id], since)).get(subject.id)! : null;
  const schemeRows = await deps.db.select().from(schemeCertificates).where(eq(schemeCertificates.holderHash, identity.hash)).orderBy(schemeCertificates.scheme, schemeCertificates.number);
  return {
    registered: subject !== undefined,
    subject: subject ? { id: subject.id, name: subject.name, status: subject.status, regionCode: subject.regionCode, registeredAt: subject.registeredAt, certificates: subject.certificates } : null,
    activity: activity ? { since: since.toISOString().slice(0, 10), ...activity } : null,
    implementsTraceability: subject !== undefined && subject.status === 'active' && (activity?.batches ?? 0) > 0,
    schemeCertificates: schemeRows.map((r) => ({ scheme: r.scheme, number: r.number, products: r.products, validFrom: r.validFrom, validTo: r.validTo, state: r.state as CertifiedState, annualCheck: r.annualCheck ?? null, renewedOn: r.renewedOn })),
  };
}

type PushItem = {
  number: string;
  holder: { idNumber: string; name: string; regionCode: string };
  products: string;
  validFrom: string;
  validTo: string;
  state: CertifiedState;
  annualCheck?: { year: number; result: 'passed' | 'failed' } | undefined;
  renewedOn?: string | undefined;
};

/**
 * A certification system's certificates (三品一标, issue 17 §4), all or none: every item is checked first (identity,
 * dates, the holder's county inside the client's scope), then each is kept under (scheme, number) and, when its
 * holder is registered, put on the subject's record as verified by the system. The same push again changes nothing.
 */
export async function pushCertificates(deps: CertificationDeps, ctx: CommandContext, client: ClientActor, items: PushItem[]) {
  const [row] = await deps.db.select({ scheme: integrationClients.scheme }).from(integrationClients).where(eq(integrationClients.id, client.client.id));
  const scheme = row?.scheme;
  if (client.client.kind !== 'certification' || !scheme) throw certificationError('NOT_A_CERTIFICATION_SYSTEM');
  const problems: { index: number; field: string; reason: string }[] = [];
  const numbers = new Set<string>();
  const checked = items.map((item, index) => {
    const identity = identityOf(deps.pii, item.holder.idNumber);
    if (!identity) problems.push({ index, field: 'holder.idNumber', reason: 'IDENTITY_INVALID' });
    if (item.validFrom > item.validTo) problems.push({ index, field: 'validTo', reason: 'BEFORE_VALID_FROM' });
    if (!client.regions.some((p) => regionWithin(item.holder.regionCode, p))) problems.push({ index, field: 'holder.regionCode', reason: 'OUT_OF_SCOPE' });
    if (numbers.has(item.number)) problems.push({ index, field: 'number', reason: 'DUPLICATE_IN_PUSH' });
    numbers.add(item.number);
    return { item, identity: identity! };
  });
  if (problems.length > 0) throw certificationError('CERTIFICATES_INVALID', { items: problems });

  return withTransaction(deps.db, ctx, async (tx) => {
    const holders = await subjectStandingsByHash(tx, checked.map((c) => c.identity.hash));
    const existing = new Map(
      (await tx.select().from(schemeCertificates).where(and(eq(schemeCertificates.scheme, scheme), inArray(schemeCertificates.number, [...numbers])))).map((r) => [r.number, r]),
    );
    let unchanged = 0;
    let onSubjects = 0;
    const clashes: { index: number }[] = [];
    const changed: (typeof schemeCertificates.$inferInsert)[] = [];
    for (const [index, { item, identity }] of checked.entries()) {
      const values = {
        clientId: client.client.id,
        scheme,
        number: item.number,
        holderHash: identity.hash,
        holderShown: identity.shown,
        holderName: identity.person ? maskPersonName(item.holder.name) : item.holder.name,
        regionCode: item.holder.regionCode,
        products: item.products,
        validFrom: item.validFrom,
        validTo: item.validTo,
        state: item.state,
        annualCheck: item.annualCheck ?? null,
        renewedOn: item.renewedOn ?? null,
      };
      const before = existing.get(item.number);
      const same =
        before !== undefined &&
        (Object.keys(values) as (keyof typeof values)[]).every((k) => (k === 'annualCheck' ? JSON.stringify(before[k] ?? null) === JSON.stringify(values[k]) : before[k] === values[k]));
      if (same) unchanged += 1;
      else changed.push(values);
      const holder = holders.get(identity.hash);
      const kind = SUBJECT_KIND[scheme];
      if (holder && kind) {
        onSubjects += 1;
        const outcome = await recordSystemCertificate(tx, {
          subjectId: holder.id,
          kind,
          number: item.number,
          products: item.products,
          validFrom: item.validFrom,
          validTo: item.validTo,
          withdrawn: item.state !== 'valid',
          systemName: client.client.name,
        });
        if (outcome === 'clash') clashes.push({ index });
      }
    }
    if (clashes.length > 0) throw certificationError('CERTIFICATE_CLASH', { items: clashes });
    // The changed rows in a few statements, not one round trip each: a system pushes up to MAX_CERTIFICATE_PUSH.
    const excluded = (column: string) => sql.raw(`excluded.${column}`);
    for (let i = 0; i < changed.length; i += 500) {
      await tx
        .insert(schemeCertificates)
        .values(changed.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [schemeCertificates.scheme, schemeCertificates.number],
          set: {
            clientId: excluded('client_id'),
            holderHash: excluded('holder_hash'),
            holderShown: excluded('holder_shown'),
            holderName: excluded('holder_name'),
            regionCode: excluded('region_code'),
            products: excluded('products'),
            validFrom: excluded('valid_from'),
            validTo: excluded('valid_to'),
            state: excluded('state'),
            annualCheck: excluded('annual_check'),
            renewedOn: excluded('renewed_on'),
            updatedAt: new Date(),
          },
        });
    }
    const written = changed.length;
    if (written > 0) {
      await recordAudit(tx, ctx, {
        action: 'certification.push',
        targetType: 'scheme_certificate',
        targetId: client.client.id,
        regionCode: client.client.regionCode,
        after: { scheme, written, unchanged, numbers: checked.filter((_, i) => i < 50).map((c) => c.item.number) },
      });
    }
    return { written, unchanged, onSubjects };
  });
}

type CheckItem = { idNumber: string; name?: string | undefined };

/**
 * 追溯挂钩 (issue 17 §4): for each subject of a list, whether it implements traceability — registered, not suspended,
 * and a batch recorded in the last twelve months — with the evidence. Subjects outside the checker's jurisdiction are
 * named as such, without their records. Kept as found today, and audited.
 */
export async function createTraceCheck(deps: CertificationDeps, ctx: CommandContext, input: { title: string; items: CheckItem[] }) {
  const actor = agencyActorIn(ctx);
  const identities = input.items.map((item) => identityOf(deps.pii, item.idNumber));
  const invalid = identities.flatMap((id, index) => (id ? [] : [{ index }]));
  if (invalid.length > 0) throw certificationError('IDENTITY_INVALID', { items: invalid });
  const found = await subjectStandingsByHash(deps.db, identities.map((i) => i!.hash));
  const inside = [...found.values()].filter((s) => regionWithin(s.regionCode, actor.jurisdiction));
  const activity = await subjectTraceActivity(deps.db, inside.map((s) => s.id), activitySince());
  const rows = input.items.map((item, seq) => {
    const identity = identities[seq]!;
    const subject = found.get(identity.hash);
    const base = { seq, nameGiven: item.name ?? null, identityShown: identity.shown };
    if (!subject) return { ...base, outcome: 'not_registered' as TraceCheckOutcome };
    if (!regionWithin(subject.regionCode, actor.jurisdiction)) return { ...base, outcome: 'outside' as TraceCheckOutcome };
    const a = activity.get(subject.id)!;
    const outcome: TraceCheckOutcome = subject.status === 'suspended' ? 'suspended' : a.batches > 0 ? 'implements' : 'inactive';
    return { ...base, outcome, subjectId: subject.id, subjectName: subject.name, batches: a.batches, scanTrades: a.scanTrades, marketVouchers: a.marketVouchers, lastActivityAt: a.lastActivityAt };
  });
  const implementing = rows.filter((r) => r.outcome === 'implements').length;
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const [check] = await tx
      .insert(traceChecks)
      .values({ agencyId: actor.agency.id, regionCode: actor.agency.regionCode, title: input.title, itemCount: rows.length, implementing, createdBy: actor.userId })
      .returning({ id: traceChecks.id });
    for (let i = 0; i < rows.length; i += 500) await tx.insert(traceCheckItems).values(rows.slice(i, i + 500).map((r) => ({ ...r, checkId: check!.id })));
    await recordAudit(tx, ctx, { action: 'trace_check.create', targetType: 'trace_check', targetId: check!.id, regionCode: actor.agency.regionCode, after: { title: input.title, items: rows.length, implementing } });
    return check!.id;
  });
  return traceCheckDetail(deps.db, actor, id);
}

/** Checks are read by the agency that made them and the agencies above it (its region within their jurisdiction). */
const visibleCheck = (actor: AgencyActor) => regionRange(traceChecks.regionCode, actor.jurisdiction);

export async function traceCheckDetail(db: Executor, actor: AgencyActor, id: string) {
  const [check] = await db.select().from(traceChecks).where(and(eq(traceChecks.id, id), visibleCheck(actor)));
  if (!check) throw certificationError('TRACE_CHECK_NOT_FOUND');
  const items = await db.select().from(traceCheckItems).where(eq(traceCheckItems.checkId, id)).orderBy(traceCheckItems.seq);
  return {
    ...summaryOf(check),
    items: items.map((i) => ({ ...i, outcome: i.outcome as TraceCheckOutcome, subjectId: i.subjectId, subjectName: i.subjectName })),
  };
}

const summaryOf = (c: typeof traceChecks.$inferSelect) => ({ id: c.id, title: c.title, regionCode: c.regionCode, itemCount: c.itemCount, implementing: c.implementing, createdAt: c.createdAt });

/** Newest first; the cursor is the last row's (created_at, id). */
export async function listTraceChecks(db: Executor, actor: AgencyActor, query: { cursor?: string | undefined; limit: number }) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(traceChecks)
      .where(and(visibleCheck(actor), after ? or(lt(traceChecks.createdAt, after.at), and(eq(traceChecks.createdAt, after.at), lt(traceChecks.id, after.id))) : undefined))
      .orderBy(desc(traceChecks.createdAt), desc(traceChecks.id))
      .limit(query.limit + 1),
    firstPageTotal(db, query.cursor, () => db.select({ id: traceChecks.id }).from(traceChecks).where(visibleCheck(actor)).$dynamic()),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(summaryOf), nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null, ...totalField(total) };
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw certificationError('TRACE_CHECK_NOT_FOUND');
  return { at: date, id: id! };
}

/**
 * 认证主体覆盖: the holders of valid certificates of each scheme in a region and how many of them are on the platform
 * (registered, matched by identity through the registry's view), so an agency sees which certified producers have
 * not yet joined.
 */
export async function coverage(db: Executor, actor: AgencyActor, region: string | undefined) {
  const prefix = region && regionWithin(region, actor.jurisdiction) ? region : actor.jurisdiction;
  const list = await queryRows<{ scheme: CertificationScheme; holders: number; on_platform: number }>(
    db,
    sql`SELECT sc.scheme, count(DISTINCT sc.holder_hash)::int AS holders, count(DISTINCT sc.holder_hash) FILTER (WHERE si.id IS NOT NULL)::int AS on_platform
          FROM scheme_certificates sc
          LEFT JOIN registry_subject_identities si ON si.id_hash = sc.holder_hash AND si.status IN ('active', 'suspended')
         WHERE sc.state = 'valid' AND sc.valid_to >= ${new Date().toISOString().slice(0, 10)} AND ${regionRange(sql`sc.region_code`, prefix)}
         GROUP BY sc.scheme ORDER BY sc.scheme`,
  );
  return { regionCode: prefix, schemes: list.map((r) => ({ scheme: r.scheme, holders: r.holders, onPlatform: r.on_platform, share: r.holders > 0 ? r.on_platform / r.holders : null })) };
}

export async function coverageHolders(
  db: Executor,
  actor: AgencyActor,
  query: { scheme: CertificationScheme; onPlatform?: 'yes' | 'no' | undefined; region?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const prefix = query.region && regionWithin(query.region, actor.jurisdiction) ? query.region : actor.jurisdiction;
  const after = query.cursor ? Buffer.from(query.cursor, 'base64url').toString().split('|') : null;
  const keyset = after && after.length === 2 ? sql`AND (sc.region_code, sc.number) > (${after[0]}, ${after[1]})` : sql``;
  const joined = query.onPlatform === 'yes' ? sql`AND si.id IS NOT NULL` : query.onPlatform === 'no' ? sql`AND si.id IS NULL` : sql``;
  const from = sql`FROM scheme_certificates sc
          LEFT JOIN registry_subject_identities si ON si.id_hash = sc.holder_hash AND si.status IN ('active', 'suspended')
         WHERE sc.scheme = ${query.scheme} AND sc.state = 'valid' AND sc.valid_to >= ${new Date().toISOString().slice(0, 10)}
           AND ${regionRange(sql`sc.region_code`, prefix)} ${joined}`;
  const [rows, total] = await Promise.all([
    queryRows<{ number: string; holderName: string; holderShown: string; regionCode: string; products: string; validTo: string; state: CertifiedState; subjectId: string | null }>(
      db,
      sql`SELECT sc.number, sc.holder_name AS "holderName", sc.holder_shown AS "holderShown", sc.region_code AS "regionCode", sc.products,
                 sc.valid_to::text AS "validTo", sc.state, si.id AS "subjectId"
          ${from} ${keyset}
          ORDER BY sc.region_code, sc.number LIMIT ${query.limit + 1}`,
    ),
    firstPageTotal(db, query.cursor, () => sql`SELECT sc.number ${from}`),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.regionCode}|${last.number}`).toString('base64url') : null, ...totalField(total) };
}

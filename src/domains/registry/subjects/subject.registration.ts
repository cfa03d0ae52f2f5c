import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit, recordAuditBatch } from '../../../platform/audit/audit.js';
import type { Tx } from '../../../platform/db/client.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { maskIdNumber, type Pii } from '../../../platform/pii/pii.js';
import { subjectError } from './subject.errors.js';
import { identityCode, shownIdNumber } from './subject.queries.js';
import { subjects, subjectStatusEvents, users } from '../schema.js';
import { regionRange } from '../../../platform/auth/visibility.js';

/** The registration data of a subject, in plain form (encrypted here). */
export type RegistrationData = {
  category: number;
  orgForm: number;
  name: string;
  industries: string[];
  scale: number;
  scaleUnit: string;
  annualOutput: number;
  outputUnit: string;
  idKind: string;
  idNumber: string;
  legalRep: string;
  /** 法定代表人身份证号, when the application gave one. */
  legalRepIdNumber?: string | undefined;
  phone: string;
  photos: { kind: string; fileId: string }[];
  townshipCode: string;
  address: string;
  lat: number;
  lng: number;
};

export type MainAccount = { username: string; passwordHash: string; mustChangePassword: boolean };

/** Opaque, unguessable, URL-safe: what the electronic identity QR carries (`/e/{token}`). */
export function newIdentityToken(): string {
  return randomBytes(18).toString('base64url');
}

export function encryptedRegistration(pii: Pii, d: RegistrationData) {
  return {
    category: d.category,
    orgForm: d.orgForm,
    name: d.name,
    industries: d.industries,
    scale: d.scale,
    scaleUnit: d.scaleUnit,
    annualOutput: d.annualOutput,
    outputUnit: d.outputUnit,
    idKind: d.idKind,
    idEnc: pii.encrypt(d.idNumber),
    idShown: shownIdNumber(d.idKind, d.idNumber, false),
    idHash: pii.hash(d.idNumber),
    legalRep: d.legalRep,
    legalRepIdEnc: d.legalRepIdNumber ? pii.encrypt(d.legalRepIdNumber) : null,
    legalRepIdShown: d.legalRepIdNumber ? maskIdNumber(d.legalRepIdNumber) : null,
    phoneEnc: pii.encrypt(d.phone),
    phoneHash: pii.hash(d.phone),
    photos: d.photos,
    regionCode: d.townshipCode,
    address: d.address,
    lat: d.lat,
    lng: d.lng,
  };
}

/**
 * Makes a registered subject with its main account (.00001), inside the caller's transaction. A temporary
 * subject recorded in the field with the same identity — or the one the county chose — is claimed in place:
 * the row keeps its id, so every inspection or sample already attached to it now belongs to the subject.
 */
export async function registerSubject(
  tx: Tx,
  pii: Pii,
  ctx: CommandContext,
  data: RegistrationData,
  account: MainAccount,
  opts: { claimTemporaryId?: string | undefined; via: 'application' | 'import'; applicationId?: string; department?: string } = { via: 'application' },
): Promise<{ subjectId: string; userId: string; claimed: boolean }> {
  const values = { ...encryptedRegistration(pii, data), department: opts.department ?? 'agriculture' };
  const now = new Date();
  const temporary = await findClaimable(tx, values.idHash, opts.claimTemporaryId, data.townshipCode.slice(0, 6));
  let subjectId: string;
  try {
    if (temporary) {
      await tx
        .update(subjects)
        .set({ ...values, status: 'active', eToken: newIdentityToken(), eTokenIssuedAt: now, registeredAt: now, updatedAt: now })
        .where(eq(subjects.id, temporary.id));
      subjectId = temporary.id;
    } else {
      const [row] = await tx
        .insert(subjects)
        .values({ ...values, status: 'active', eToken: newIdentityToken(), eTokenIssuedAt: now, registeredAt: now, createdBy: ctx.actor?.userId ?? null })
        .returning({ id: subjects.id });
      subjectId = row!.id;
    }
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw subjectError('IDENTITY_REGISTERED');
    throw err;
  }
  let userId: string;
  try {
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: data.name.slice(0, 60),
        phoneEnc: values.phoneEnc,
        phoneHash: values.phoneHash,
        passwordHash: account.passwordHash,
        subjectId,
        accountNo: 1,
        role: 'admin',
        mustChangePassword: account.mustChangePassword,
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning({ id: users.id });
    userId = user!.id;
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw subjectError('USERNAME_TAKEN', { username: account.username });
    throw err;
  }
  await tx.insert(subjectStatusEvents).values({
    subjectId,
    fromStatus: temporary ? 'temporary' : null,
    toStatus: 'active',
    reason: temporary ? `claimed ${temporary.tempCode ?? ''}`.trim() : opts.via,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? null,
    agencyId: ctx.actor?.kind === 'agency' ? ctx.actor.agency.id : null,
  });
  await recordAudit(tx, ctx, {
    action: temporary ? 'subject.claim' : 'subject.register',
    targetType: 'subject',
    targetId: subjectId,
    regionCode: data.townshipCode,
    after: {
      name: data.name,
      identityCode: identityCode(data.category, data.idKind, data.idNumber),
      via: opts.via,
      applicationId: opts.applicationId ?? null,
      claimedTempCode: temporary?.tempCode ?? null,
      username: account.username,
    },
  });
  return { subjectId, userId, claimed: Boolean(temporary) };
}

/** A temporary subject to claim: the one the county picked (same county), else one with the same identity. */
async function findClaimable(tx: Tx, idHash: string, chosenId: string | undefined, countyCode: string) {
  if (chosenId) {
    const [row] = await tx
      .select({ id: subjects.id, tempCode: subjects.tempCode, idHash: subjects.idHash })
      .from(subjects)
      .where(and(eq(subjects.id, chosenId), eq(subjects.status, 'temporary'), regionRange(subjects.regionCode, countyCode)))
      .for('update');
    if (!row || (row.idHash && row.idHash !== idHash)) throw subjectError('CLAIM_NOT_FOUND');
    return row;
  }
  const [row] = await tx
    .select({ id: subjects.id, tempCode: subjects.tempCode })
    .from(subjects)
    .where(and(eq(subjects.idHash, idHash), eq(subjects.status, 'temporary')))
    .for('update');
  return row;
}

/**
 * Registers many subjects in the caller's transaction (the county's bulk import), in multi-row inserts: the
 * same rows registerSubject writes — subject, main account, status event, a `subject.register` audit entry —
 * for thousands of rows in a few dozen statements. A row whose identity matches a temporary subject goes
 * through registerSubject, which claims it in place.
 */
export async function registerSubjects(
  tx: Tx,
  pii: Pii,
  ctx: CommandContext,
  items: { data: RegistrationData; account: MainAccount }[],
  opts: { via: 'import'; importId: string; department?: string },
): Promise<{ subjectIds: string[]; claimed: number }> {
  const department = opts.department ?? 'agriculture';
  const values = items.map((i) => ({ ...encryptedRegistration(pii, i.data), department }));
  const hashes = values.map((v) => v.idHash);
  const temporary = new Set<string>();
  for (let i = 0; i < hashes.length; i += BULK_CHUNK) {
    const rows = await tx
      .select({ idHash: subjects.idHash })
      .from(subjects)
      .where(and(inArray(subjects.idHash, hashes.slice(i, i + BULK_CHUNK)), eq(subjects.status, 'temporary')));
    for (const r of rows) if (r.idHash) temporary.add(r.idHash);
  }
  const subjectIds = new Array<string>(items.length);
  const fresh: number[] = [];
  for (const [i, item] of items.entries()) {
    if (!temporary.has(hashes[i]!)) {
      fresh.push(i);
      continue;
    }
    subjectIds[i] = (await registerSubject(tx, pii, ctx, item.data, item.account, { via: opts.via, department })).subjectId;
  }
  const now = new Date();
  const actorId = ctx.actor?.userId ?? null;
  for (let c = 0; c < fresh.length; c += BULK_CHUNK) {
    const chunk = fresh.slice(c, c + BULK_CHUNK);
    const inserted = await uniqueOrRefuse(() =>
      tx
        .insert(subjects)
        .values(chunk.map((i) => ({ ...values[i]!, status: 'active', eToken: newIdentityToken(), eTokenIssuedAt: now, registeredAt: now, createdBy: actorId })))
        .returning({ id: subjects.id, idHash: subjects.idHash }),
    );
    // RETURNING order is not promised to follow VALUES: match the rows by their (unique) identity hash.
    const idOf = new Map(inserted.map((r) => [r.idHash, r.id]));
    for (const i of chunk) subjectIds[i] = idOf.get(hashes[i]!)!;
    await uniqueOrRefuse(() =>
      tx.insert(users).values(
        chunk.map((i) => ({
          username: items[i]!.account.username,
          displayName: items[i]!.data.name.slice(0, 60),
          phoneEnc: values[i]!.phoneEnc,
          phoneHash: values[i]!.phoneHash,
          passwordHash: items[i]!.account.passwordHash,
          subjectId: subjectIds[i]!,
          accountNo: 1,
          role: 'admin',
          mustChangePassword: items[i]!.account.mustChangePassword,
          createdBy: actorId,
        })),
      ),
    );
    await tx.insert(subjectStatusEvents).values(
      chunk.map((i) => ({
        subjectId: subjectIds[i]!,
        fromStatus: null,
        toStatus: 'active',
        reason: opts.via,
        actorId,
        actorName: ctx.actor?.displayName ?? null,
        agencyId: ctx.actor?.kind === 'agency' ? ctx.actor.agency.id : null,
        at: now,
      })),
    );
  }
  await recordAuditBatch(
    tx,
    ctx,
    fresh.map((i) => {
      const d = items[i]!.data;
      return {
        action: 'subject.register',
        targetType: 'subject',
        targetId: subjectIds[i]!,
        regionCode: d.townshipCode,
        after: { name: d.name, identityCode: identityCode(d.category, d.idKind, d.idNumber), via: opts.via, importId: opts.importId, applicationId: null, claimedTempCode: null, username: items[i]!.account.username },
      };
    }),
  );
  return { subjectIds, claimed: items.length - fresh.length };
}

/** Rows per multi-row statement: ~25 columns × 500 stays far below PostgreSQL's 65,535 parameters. */
const BULK_CHUNK = 500;

/** A unique violation in a bulk insert (a registration that raced the import) refuses the whole import. */
async function uniqueOrRefuse<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (pgErrorCode(err) !== '23505') throw err;
    const constraint = String((err as { constraint?: string }).constraint ?? (err as { cause?: { constraint?: string } }).cause?.constraint ?? '');
    throw constraint.includes('username') ? subjectError('USERNAME_TAKEN') : subjectError('IDENTITY_REGISTERED');
  }
}

import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { pgErrorCode } from '../../platform/db/rows.js';
import type { Pii } from '../../platform/pii/pii.js';
import { subjectError } from './subject.errors.js';
import { identityCode } from './subject.queries.js';
import { subjects, subjectStatusEvents, users } from './schema.js';

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
    idHash: pii.hash(d.idNumber),
    legalRep: d.legalRep,
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
  opts: { claimTemporaryId?: string | undefined; via: 'application' | 'import'; applicationId?: string } = { via: 'application' },
): Promise<{ subjectId: string; userId: string; claimed: boolean }> {
  const values = encryptedRegistration(pii, data);
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
      .where(and(eq(subjects.id, chosenId), eq(subjects.status, 'temporary'), sql`${subjects.regionCode} LIKE ${countyCode + '%'}`))
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

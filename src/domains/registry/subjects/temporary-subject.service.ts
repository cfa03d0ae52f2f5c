import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import type { FieldProduct, RegistryDeps } from '../deps.js';
import { subjectError } from './subject.errors.js';
import { loadRegionFacts, shownIdNumber } from './subject.queries.js';
import { insideChina } from './inside-china.shared.js';
import { identityProblem, idKindFits } from './subject.rules.js';
import { subjects, subjectStatusEvents } from '../schema.js';
import { subjectVisibility } from '../visibility.js';
import { ownDepartment } from '../departments.js';

type TemporaryInput = {
  category: number;
  orgForm: number;
  name: string;
  industries: string[];
  idKind?: 'uscc' | 'resident_id' | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  regionCode: string;
  address?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  products?: FieldProduct[] | undefined;
};

const TEMP_ALPHABET = 'ABCDEFGHJKLMNPQRTUWXY0123456789';

/** 主体临时身份码: `LS` + the county + 8 random characters, e.g. LS370783K7Q2M9XA. */
function newTempCode(county: string): string {
  let s = `LS${county}`;
  for (let i = 0; i < 8; i++) s += TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)];
  return s;
}

/**
 * An inspector, sampler or enforcement officer records a producer met in the field who is not registered.
 * The record gets a temporary identity code; when the same identity registers later, the county's approval
 * claims it (subject.registration.ts) and everything recorded against it joins the registered subject.
 * Recording the same identity twice gives back the first record (with any product it did not have yet). Its products
 * are written by the trace domain (`deps.fieldProducts`) in the same transaction, against the subject's id.
 */
export async function recordTemporarySubject(deps: RegistryDeps, ctx: CommandContext, input: TemporaryInput) {
  const actor = agencyActorIn(ctx);
  const department = ownDepartment(actor);
  if (!subjectVisibility.allows(actor, { regionCode: input.regionCode, department })) throw subjectError('TEMPORARY_NEEDS_REGION_IN_JURISDICTION');
  const level = (await loadRegionFacts(deps.db, [input.regionCode])).levelOf(input.regionCode);
  if (level !== (input.regionCode.length === 6 ? 3 : 4)) throw subjectError('REGION_NOT_FOUND', { regionCode: input.regionCode });
  if ((input.idKind === undefined) !== (input.idNumber === undefined)) throw subjectError('IDENTITY_FORMAT', { idKind: input.idKind ?? 'resident_id' });
  if (input.idKind && input.idNumber) {
    if (!idKindFits(input.orgForm, input.idKind)) throw subjectError('ID_KIND_MISMATCH');
    const problem = identityProblem(input.idKind, input.idNumber, new Date());
    if (problem) throw subjectError(problem.code, problem.details);
  }
  if ((input.lat === undefined) !== (input.lng === undefined) || (input.lat !== undefined && !insideChina(input.lat, input.lng!))) {
    throw subjectError('COORDINATES_OUTSIDE_CHINA', { lat: input.lat, lng: input.lng });
  }
  const idHash = input.idNumber ? deps.pii.hash(input.idNumber) : null;
  const products = input.products ?? [];
  if (products.length && !deps.fieldProducts) throw new Error('recordTemporarySubject: no fieldProducts writer');
  return withTransaction(deps.db, ctx, async (tx) => {
    const storeProducts = async (subjectId: string) => {
      if (products.length) await deps.fieldProducts!(tx, subjectId, actor.userId, products);
    };
    if (idHash) {
      const [existing] = await tx.select().from(subjects).where(eq(subjects.idHash, idHash)).for('update');
      if (existing && existing.status !== 'temporary') throw subjectError('IDENTITY_REGISTERED');
      if (existing) await storeProducts(existing.id);
      if (existing) return { id: existing.id, tempCode: existing.tempCode!, name: existing.name, regionCode: existing.regionCode, createdAt: existing.createdAt };
    }
    const [row] = await tx
      .insert(subjects)
      .values({
        category: input.category,
        orgForm: input.orgForm,
        name: input.name,
        industries: input.industries,
        idKind: input.idKind ?? null,
        idEnc: input.idNumber ? deps.pii.encrypt(input.idNumber) : null,
        idShown: shownIdNumber(input.idKind ?? null, input.idNumber ?? null, false),
        idHash,
        phoneEnc: input.phone ? deps.pii.encrypt(input.phone) : null,
        phoneHash: input.phone ? deps.pii.hash(input.phone) : null,
        regionCode: input.regionCode,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        status: 'temporary',
        tempCode: newTempCode(input.regionCode.slice(0, 6)),
        department,
        createdBy: actor.userId,
      })
      .returning();
    await storeProducts(row!.id);
    await tx.insert(subjectStatusEvents).values({ subjectId: row!.id, toStatus: 'temporary', reason: 'recorded in the field', actorId: actor.userId, actorName: actor.displayName, agencyId: actor.agency.id });
    await recordAudit(tx, ctx, { action: 'subject.record_temporary', targetType: 'subject', targetId: row!.id, regionCode: input.regionCode, after: { name: input.name, tempCode: row!.tempCode, ...(products.length ? { products } : {}) } });
    return { id: row!.id, tempCode: row!.tempCode!, name: row!.name, regionCode: row!.regionCode, createdAt: row!.createdAt };
  });
}


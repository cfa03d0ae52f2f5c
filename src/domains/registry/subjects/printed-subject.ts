import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { maskPhone, type Pii } from '../../../platform/pii/pii.js';
import { regionNames } from '../../regions/index.js';
import { subjects } from '../schema.js';

const ORG_FORM_PERSON = 1;

/**
 * What another domain may print about a subject on a label, certificate or voucher: its name, its region and
 * its contact phone. A natural person's phone (an individual, or a family farm registered on a resident ID) is
 * masked like everywhere else (138****5678); an organisation's registered phone is its public contact, which a
 * 承诺达标合格证 exists to give, so it is printed in full.
 */
export async function printedSubject(deps: { db: Executor; pii: Pii }, id: string) {
  const [s] = await deps.db
    .select({ name: subjects.name, orgForm: subjects.orgForm, idKind: subjects.idKind, phoneEnc: subjects.phoneEnc, regionCode: subjects.regionCode })
    .from(subjects)
    .where(eq(subjects.id, id));
  if (!s) return undefined;
  const phone = s.phoneEnc ? deps.pii.decrypt(s.phoneEnc) : null;
  const person = s.orgForm === ORG_FORM_PERSON || s.idKind === 'resident_id';
  return { name: s.name, regionCode: s.regionCode, regionName: await regionNames(deps.db, s.regionCode), contact: phone ? (person ? maskPhone(phone) : phone) : null };
}

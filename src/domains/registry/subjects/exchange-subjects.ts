import { and, inArray, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAuditBatch } from '../../../platform/audit/audit.js';
import type { Executor, Tx } from '../../../platform/db/client.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { checkIdNumber, checkUscc } from './identity-check.shared.js';
import { newIdentityToken } from './subject.registration.js';
import { identityCode, shownIdNumber } from './subject.queries.js';
import { subjectApplications, subjects } from '../schema.js';

// 数据交换 (issue 17 §2): subjects a provincial platform registered and approved, arriving here as registered. They are
// unique by identity exactly as a registration here: an identity already on the platform (registered, temporary, or
// waiting in an application) is a clash the platform is told about, never merged.

export type ExchangedSubject = {
  id: string;
  category: number;
  orgForm: number;
  name: string;
  industries: string[];
  idKind: string;
  idNumber: string;
  legalRep?: string | undefined;
  phone?: string | undefined;
  townshipCode: string;
  address: string;
  lat: number;
  lng: number;
  /** The province's approving agency and day, and the client system that sent it. */
  approvedBy: string;
  approvedOn: string;
};

/** The keyed hash a subject's identity is unique by (what `subjects.id_hash` holds). */
export const identityHash = (pii: Pii, idNumber: string) => pii.hash(idNumber);

/** Whether an identity number is well-formed for its kind (check character included). */
export function identityProblem(idKind: string, idNumber: string): string | null {
  return idKind === 'uscc' ? checkUscc(idNumber) : checkIdNumber(idNumber);
}

/** Which of these identity hashes the platform knows already: a subject of any status, or an open application. */
export async function knownIdentities(db: Executor, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const [s, a] = await Promise.all([
    db.select({ h: subjects.idHash }).from(subjects).where(inArray(subjects.idHash, hashes)),
    db
      .select({ h: subjectApplications.idHash })
      .from(subjectApplications)
      .where(and(inArray(subjectApplications.idHash, hashes), inArray(subjectApplications.status, ['pending', 'returned']))),
  ]);
  return new Set([...s, ...a].flatMap((r) => (r.h ? [r.h] : [])));
}

const CHUNK = 5000;

/**
 * Writes the subjects (active, with an electronic identity, no account: they log in on their province's platform),
 * a status event naming the approving agency, and a `subject.register` audit entry each (via `exchange`), in the
 * caller's transaction. The caller has checked identities with knownIdentities; a race is refused by the unique index.
 */
export async function registerExchangedSubjects(tx: Tx, pii: Pii, ctx: CommandContext, items: ExchangedSubject[]): Promise<void> {
  const now = new Date().toISOString();
  const by = ctx.client ?? ctx.actor;
  // One JSON parameter per chunk (json_to_recordset): thousands of rows without binding each value.
  for (let c = 0; c < items.length; c += CHUNK) {
    const rows = items.slice(c, c + CHUNK).map((d) => ({
      id: d.id,
      category: d.category,
      orgForm: d.orgForm,
      name: d.name,
      industries: d.industries,
      idKind: d.idKind,
      idEnc: pii.encrypt(d.idNumber),
      idShown: shownIdNumber(d.idKind, d.idNumber, false),
      idHash: pii.hash(d.idNumber),
      legalRep: d.legalRep ?? null,
      phoneEnc: d.phone ? pii.encrypt(d.phone) : null,
      phoneHash: d.phone ? pii.hash(d.phone) : null,
      regionCode: d.townshipCode,
      address: d.address,
      lat: d.lat,
      lng: d.lng,
      eToken: newIdentityToken(),
      registeredAt: `${d.approvedOn}T00:00:00+08:00`,
      reason: `exchange: ${d.approvedBy} ${d.approvedOn}`.slice(0, 500),
    }));
    await tx.execute(sql`
      WITH v AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(id uuid, category smallint, "orgForm" smallint, name text, industries text[], "idKind" text, "idEnc" text,
          "idShown" text, "idHash" text, "legalRep" text, "phoneEnc" text, "phoneHash" text, "regionCode" text, address text, lat float8, lng float8, "eToken" text, "registeredAt" timestamptz, reason text)
      ),
      written AS (
        INSERT INTO subjects (id, category, org_form, name, industries, id_kind, id_enc, id_shown, id_hash, legal_rep, phone_enc, phone_hash, region_code, address, lat, lng, status, e_token, e_token_issued_at, registered_at)
        SELECT id, category, "orgForm", name, industries, "idKind", "idEnc", "idShown", "idHash", "legalRep", "phoneEnc", "phoneHash", "regionCode", address, lat, lng, 'active', "eToken", ${now}::timestamptz, "registeredAt"
        FROM v RETURNING id
      )
      INSERT INTO subject_status_events (subject_id, from_status, to_status, reason, actor_name, at)
      SELECT v.id, NULL, 'active', v.reason, ${by?.displayName ?? null}, ${now}::timestamptz FROM v JOIN written w ON w.id = v.id`);
  }
  await recordAuditBatch(
    tx,
    ctx,
    items.map((d) => ({
      action: 'subject.register',
      targetType: 'subject',
      targetId: d.id,
      regionCode: d.townshipCode,
      after: { name: d.name, identityCode: identityCode(d.category, d.idKind, d.idNumber), via: 'exchange', approvedBy: d.approvedBy, approvedOn: d.approvedOn, clientId: ctx.client?.client.id ?? null },
    })),
  );
}

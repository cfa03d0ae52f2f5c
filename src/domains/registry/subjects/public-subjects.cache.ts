import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';

// What anyone may know of a registered subject, for the public trace page (消费查询): name, organisation form,
// region (down to the township, never the street address) and the certificates it holds with their validity.
// Never an identity number or a phone. Whether a subject is suspended is not here: the page reads that live.

export type PublicCertificate = { kind: string; number: string; products: string; issuer: string | null; validFrom: string; validTo: string; verified: boolean; issuedBySystem: string | null };
/** `priorityFlags`: the agencies' 重点主体 flags (龙头企业, 菜篮子, 规模主体), public recognition like a certificate. */
export type PublicSubjectFacts = { name: string; orgForm: number; regionCode: string; certificates: PublicCertificate[]; priorityFlags: string[] };

export type PublicSubjects = {
  /** The public facts of these subjects (those that exist), from this server's copy where it is fresh enough. */
  get(ids: readonly string[]): Promise<Map<string, PublicSubjectFacts>>;
};

/** Subjects a server keeps at most; the oldest kept go first. */
const MAX_KEPT = 100_000;

/**
 * The public page reads the same few producers, collectors and markets over and over: their names and certificates
 * are kept by each server for `ttlSeconds` (a minute: a page may be cached that long anyway), so a look-up reads
 * them from the database only when they are new to this server or stale. With 0, every look-up reads them.
 */
export function createPublicSubjects(db: Executor, ttlSeconds: number): PublicSubjects {
  const kept = new Map<string, { facts: PublicSubjectFacts; until: number }>();
  return {
    async get(ids) {
      const now = Date.now();
      const found = new Map<string, PublicSubjectFacts>();
      const missing: string[] = [];
      for (const id of ids) {
        const k = kept.get(id);
        if (k && k.until > now) found.set(id, k.facts);
        else missing.push(id);
      }
      if (!missing.length) return found;
      for (const row of await readPublicSubjects(db, missing)) {
        const facts: PublicSubjectFacts = { name: row.name, orgForm: row.org_form, regionCode: row.region_code, certificates: row.certificates ?? [], priorityFlags: row.priority_flags ?? [] };
        found.set(row.id, facts);
        if (ttlSeconds > 0) {
          kept.delete(row.id);
          kept.set(row.id, { facts, until: now + ttlSeconds * 1000 });
          if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
        }
      }
      return found;
    },
  };
}

function readPublicSubjects(db: Executor, ids: string[]) {
  return queryRows<{ id: string; name: string; org_form: number; region_code: string; priority_flags: string[] | null; certificates: PublicCertificate[] | null }>(
    db,
    sql`SELECT s.id, s.name, s.org_form, s.region_code, s.priority_flags,
               (SELECT json_agg(json_build_object('kind', c.kind, 'number', c.number, 'products', c.products, 'issuer', c.issuer,
                                                  'validFrom', c.valid_from, 'validTo', c.valid_to, 'verified', c.status = 'verified', 'issuedBySystem', c.issued_by_system)
                                ORDER BY c.valid_to DESC)
                FROM subject_certificates c WHERE c.subject_id = s.id AND c.status IN ('verified', 'unverified')) AS certificates
        FROM subjects s WHERE s.id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
  );
}

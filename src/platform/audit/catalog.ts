/**
 * Every action the audit log records, and every kind of thing it records one on, declared by the domain that records
 * it in its audit-actions.ts (declaration merging, as permissions are), and listed on its DomainModule. AuditInput
 * takes only these, so a new action is declared there first, and i18n-labels.test.ts then asks for its words in both
 * console languages (issue 15: the audit log never shows a raw key).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each domain's audit-actions.ts
export interface AuditActionNames {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each domain's audit-actions.ts
export interface AuditTargetNames {}

/** What the platform itself records on: the list an export was made of (platform/sheets/list-export.ts). */
export const PLATFORM_AUDIT_TARGETS = ['list'] as const;

export type AuditAction = AuditActionNames[keyof AuditActionNames];
export type AuditTargetType = AuditTargetNames[keyof AuditTargetNames] | (typeof PLATFORM_AUDIT_TARGETS)[number];

/** One domain's audit actions and the kinds of thing it records them on. */
export type DomainAudit = { actions: readonly AuditAction[]; targets: readonly AuditTargetType[] };

/** The whole catalogue of the given domains' declarations; a name two domains declare is a mistake caught at start. */
export function auditCatalog(domains: readonly { audit?: readonly DomainAudit[] }[]): { actions: AuditAction[]; targets: AuditTargetType[] } {
  const audits = domains.flatMap((d) => d.audit ?? []);
  const once = <T extends string>(names: readonly T[], what: string): T[] => {
    const seen = new Set<T>();
    for (const n of names) {
      if (seen.has(n)) throw new Error(`audit ${what} ${n} is declared twice`);
      seen.add(n);
    }
    return [...seen];
  };
  return { actions: once(audits.flatMap((a) => a.actions), 'action'), targets: once([...PLATFORM_AUDIT_TARGETS, ...audits.flatMap((a) => a.targets)], 'target') };
}

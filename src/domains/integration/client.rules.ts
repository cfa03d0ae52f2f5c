import type { AgencyActor, ClientKind } from '../../platform/auth/actor.js';
import { regionWithin } from '../../platform/auth/visibility.js';
import type { Executor } from '../../platform/db/client.js';
import type { Grants } from '../../platform/auth/permissions.js';
import { regionLevel } from '../regions/index.js';
import { integrationError } from './errors.js';
import type { CertificationScheme } from './schema.js';

/**
 * Who registers which client (issue 17 §1): the ministry's supervision agency the national systems — provincial
 * platforms and certification systems —, a province's supervision agency the markets and online shops of its region.
 */
export function registrableKinds(actor: AgencyActor): ClientKind[] {
  if (actor.agency.kind !== 'supervision') return [];
  if (actor.agency.level === 'ministry') return ['provincial_platform', 'certification'];
  if (actor.agency.level === 'province') return ['market', 'shop'];
  return [];
}

export function assertRegistrable(actor: AgencyActor, kind: ClientKind): void {
  if (!registrableKinds(actor).includes(kind)) throw integrationError('CLIENT_KIND_NOT_YOURS', { kind });
}

/** The operations a client of this kind may be given: what the domains grant client systems (their permissions.ts). */
export function offeredOperations(grants: Grants, kind: ClientKind): string[] {
  return [...grants.ofClient(kind)].sort();
}

export type Scope = { regions: string[]; operations: string[] };

/**
 * A scope as stored: regions and operations without repeats, each region an existing one inside the registrar's
 * jurisdiction (the whole country only from the ministry), a provincial platform's exactly one province, and only
 * operations the kind may be given.
 */
export async function checkedScope(db: Executor, grants: Grants, actor: AgencyActor, kind: ClientKind, input: Scope): Promise<Scope> {
  const regions = [...new Set(input.regions)].sort();
  const operations = [...new Set(input.operations)].sort();
  for (const region of regions) {
    if (!regionWithin(region, actor.jurisdiction)) throw integrationError('REGION_OUT_OF_JURISDICTION', { region });
    if (region !== '' && (await regionLevel(db, region)) === undefined) throw integrationError('REGION_UNKNOWN', { region });
  }
  if (kind === 'provincial_platform' && (regions.length !== 1 || regions[0]!.length !== 2)) throw integrationError('PROVINCE_REQUIRED');
  const offered = offeredOperations(grants, kind);
  for (const op of operations) if (!offered.includes(op)) throw integrationError('OPERATION_NOT_ALLOWED', { operation: op });
  return { regions, operations };
}

/** Where a client is filed (who sees it): the province a provincial platform serves, else its registrar's region. */
export function homeRegion(actor: AgencyActor, kind: ClientKind, scope: Scope): string {
  return kind === 'provincial_platform' ? scope.regions[0]! : actor.agency.regionCode;
}

export function checkedScheme(kind: ClientKind, scheme: CertificationScheme | undefined): CertificationScheme | null {
  if (kind !== 'certification') return null;
  if (!scheme) throw integrationError('SCHEME_REQUIRED');
  return scheme;
}

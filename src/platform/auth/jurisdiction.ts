import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AgencyActor, AgencyLevel } from './actor.js';
import { regionRange, regionWithin } from './visibility.js';

/**
 * Jurisdiction is a region-code prefix (DESIGN.md §2): ministry everything, province 2 digits, city 4,
 * county 6, township 9. This file is the only place that turns an actor into a filter; queries call it
 * rather than building their own.
 */
export const PREFIX_LENGTH: Record<AgencyLevel, number> = { ministry: 0, province: 2, city: 4, county: 6, township: 9 };

export function jurisdictionPrefix(level: AgencyLevel, regionCode: string): string {
  return regionCode.slice(0, PREFIX_LENGTH[level]);
}

export function inJurisdiction(actor: AgencyActor, regionCode: string): boolean {
  return regionWithin(regionCode, actor.jurisdiction);
}

/**
 * A WHERE fragment keeping rows whose region column lies in the actor's jurisdiction at a lower level than the
 * actor's own: what the agencies above see of a publisher below them, which the other agencies of the publisher's
 * own region do not (agency region codes are as long as their level's prefix: '37', '3707', '370783').
 */
export function belowJurisdictionFilter(actor: AgencyActor, regionColumn: AnyPgColumn): SQL {
  return sql`(${jurisdictionFilter(actor, regionColumn)} AND length(${regionColumn}) > ${actor.jurisdiction.length})`;
}

/**
 * A WHERE fragment keeping only rows whose region column lies in the actor's jurisdiction, as an index range
 * (visibility.ts regionRange says why not LIKE).
 */
export function jurisdictionFilter(actor: AgencyActor, regionColumn: AnyPgColumn): SQL {
  if (actor.jurisdiction === '') return sql`true`;
  return regionRange(regionColumn, actor.jurisdiction);
}

/** Whether a region lies inside the jurisdiction of an agency of this level and region (a transfer's target). */
export function inAgencyJurisdiction(agency: { level: AgencyLevel; regionCode: string }, regionCode: string): boolean {
  return regionWithin(regionCode, jurisdictionPrefix(agency.level, agency.regionCode));
}


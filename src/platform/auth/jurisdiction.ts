import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AgencyActor, AgencyLevel } from './actor.js';
import { escapeLike } from '../db/rows.js';

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
  return regionCode.startsWith(actor.jurisdiction);
}

/** A WHERE fragment keeping only rows whose region column lies in the actor's jurisdiction. */
export function jurisdictionFilter(actor: AgencyActor, regionColumn: AnyPgColumn): SQL {
  if (actor.jurisdiction === '') return sql`true`;
  return sql`${regionColumn} LIKE ${escapeLike(actor.jurisdiction) + '%'}`;
}


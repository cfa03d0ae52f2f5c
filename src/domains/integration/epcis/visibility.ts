import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { defineVisibility, inActorJurisdiction, regionRange } from '../../../platform/auth/visibility.js';
import { epcisCaptures, epcisEvents } from './schema.js';

/**
 * Who reads a captured event (or capture job): an agency every one filed under a region of its jurisdiction (the
 * ministry all); a producer or trader only its own. Events carry no personal data of their own beyond what the
 * capturing organisation sent.
 */
const eventsByRegion = defineVisibility({ regionCode: epcisEvents.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
const capturesByRegion = defineVisibility({ regionCode: epcisCaptures.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));

export function eventsVisibleTo(actor: Actor): SQL {
  if (actor.kind === 'agency') return eventsByRegion.filter(actor);
  return and(eq(epcisEvents.ownerKind, 'subject'), eq(epcisEvents.ownerId, actor.subject.id)) ?? sql`false`;
}

export function capturesVisibleTo(actor: Actor): SQL {
  if (actor.kind === 'agency') return capturesByRegion.filter(actor);
  return and(eq(epcisCaptures.ownerKind, 'subject'), eq(epcisCaptures.ownerId, actor.subject.id)) ?? sql`false`;
}

/** Who reads a subscription's events when no one is signed in: the subscribing organisation as it was then. */
export type Reader = { kind: 'agency' | 'subject'; id: string; jurisdiction: string };

export function readerOf(actor: Actor): Reader {
  return actor.kind === 'agency' ? { kind: 'agency', id: actor.agency.id, jurisdiction: actor.jurisdiction } : { kind: 'subject', id: actor.subject.id, jurisdiction: '' };
}

export function eventsVisibleToReader(reader: Reader): SQL {
  if (reader.kind === 'agency') return reader.jurisdiction === '' ? sql`true` : regionRange(epcisEvents.regionCode, reader.jurisdiction);
  return and(eq(epcisEvents.ownerKind, 'subject'), eq(epcisEvents.ownerId, reader.id)) ?? sql`false`;
}

import type { Actor } from '../../../platform/auth/actor.js';

/** The organisation an account captures for: its agency, or its producer (EPCIS events are scoped to it). */
export type Owner = { kind: 'agency' | 'subject'; id: string; regionCode: string };

export function ownerOf(actor: Actor): Owner {
  return actor.kind === 'agency' ? { kind: 'agency', id: actor.agency.id, regionCode: actor.agency.regionCode } : { kind: 'subject', id: actor.subject.id, regionCode: actor.subject.regionCode };
}

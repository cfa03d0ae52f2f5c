import { sql } from 'drizzle-orm';
import { anyOf, below, defineVisibility, inActorJurisdiction, is } from '../../platform/auth/visibility.js';
import { inspections, supervisionTaskRecipients, supervisionTasks, supervisionTransfers } from './schema.js';

/**
 * Who sees a task (DESIGN.md §12): its publisher, the agencies it was sent to, and the agencies above the publisher
 * (a province follows what its counties send out) — not the other agencies of the publisher's own region.
 */
export const taskVisibility = defineVisibility(
  {
    publisherAgencyId: supervisionTasks.publisherAgencyId,
    recipientAgencyIds: (agencyId: string) =>
      sql`EXISTS (SELECT 1 FROM ${supervisionTaskRecipients} WHERE ${supervisionTaskRecipients.taskId} = ${supervisionTasks.id} AND ${supervisionTaskRecipients.agencyId} = ${agencyId})`,
    publisherRegion: supervisionTasks.publisherRegion,
  },
  (actor) => anyOf(is('publisherAgencyId', actor.agency.id), is('recipientAgencyIds', actor.agency.id), below('publisherRegion', actor.jurisdiction)),
);

/** Who sees an inspection: the supervision and enforcement agencies whose jurisdiction holds the inspected subject. */
export const inspectionVisibility = defineVisibility({ regionCode: inspections.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));

/**
 * Who reads a transfer as such (the inbox, taking it into a case): the enforcement agency it was sent to. The agencies
 * that see the inspection read the transfer with it (inspection.queries.ts), and a case's readers with the case.
 */
export const transferVisibility = defineVisibility({ toAgencyId: supervisionTransfers.toAgencyId }, (actor) => is('toAgencyId', actor.agency.id));

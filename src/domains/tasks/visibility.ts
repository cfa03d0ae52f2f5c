import { sql } from 'drizzle-orm';
import { anyOf, below, defineVisibility, is } from '../../platform/auth/visibility.js';
import { supervisionTaskRecipients, supervisionTasks } from './schema.js';

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

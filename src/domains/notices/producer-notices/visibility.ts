import { anyOf, below, defineVisibility, is } from '../../../platform/auth/visibility.js';
import { producerNotices } from './schema.js';

/**
 * Who reads a sent notice and its receipts: the sending agency, and the agencies above it (a city follows what its
 * counties send), as with tasks (DESIGN.md §12) — not the other agencies of the sender's own region.
 */
export const sentNoticeVisibility = defineVisibility({ senderAgencyId: producerNotices.senderAgencyId, senderRegion: producerNotices.senderRegion }, (actor) =>
  anyOf(is('senderAgencyId', actor.agency.id), below('senderRegion', actor.jurisdiction)),
);

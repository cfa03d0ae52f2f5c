import { anyOf, defineVisibility, is, within } from '../../../platform/auth/visibility.js';
import { rectificationNotices } from './schema.js';

/**
 * Who among officials reads a rectification notice: the agency it is addressed to, and every agency whose jurisdiction
 * holds its addressee or its issuer (the issuer itself, the agencies above both). A producer reads those addressed
 * to its subject (rectification.service.ts).
 */
export const rectificationVisibility = defineVisibility(
  { targetAgencyId: rectificationNotices.targetAgencyId, targetRegion: rectificationNotices.targetRegion, issuerRegion: rectificationNotices.issuerRegion },
  (actor) => anyOf(is('targetAgencyId', actor.agency.id), within('targetRegion', actor.jurisdiction), within('issuerRegion', actor.jurisdiction)),
);

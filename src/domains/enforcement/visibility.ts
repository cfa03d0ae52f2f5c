import { anyOf, defineVisibility, inActorJurisdiction, is } from '../../platform/auth/visibility.js';
import { enforcementCases } from './schema.js';

/** Who sees a case: its handling agency, and the supervision and enforcement agencies of its region's jurisdiction. */
export const caseVisibility = defineVisibility({ agencyId: enforcementCases.agencyId, regionCode: enforcementCases.regionCode }, (actor) =>
  anyOf(is('agencyId', actor.agency.id), inActorJurisdiction(actor, 'regionCode')),
);

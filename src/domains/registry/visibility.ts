import { defineVisibility, inActorJurisdiction } from '../../platform/auth/visibility.js';
import { agencies, subjectApplications, subjectChangeRequests, subjects } from './schema.js';

/** Agency-side registry data is seen by the agencies whose jurisdiction holds its region (DESIGN.md §2). */
export const subjectVisibility = defineVisibility({ regionCode: subjects.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
export const applicationVisibility = defineVisibility({ regionCode: subjectApplications.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
export const changeRequestVisibility = defineVisibility({ regionCode: subjectChangeRequests.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
export const agencyVisibility = defineVisibility({ regionCode: agencies.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));

import { allOf, defineVisibility, inActorJurisdiction } from '../../platform/auth/visibility.js';
import { departmentTerm } from './departments.js';
import { agencies, subjectApplications, subjectChangeRequests, subjects } from './schema.js';

/** Agency-side registry data is seen by the agencies whose jurisdiction holds its region (DESIGN.md §2). */
export const subjectVisibility = defineVisibility({ regionCode: subjects.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
/** Applications also by department (issue 21 §3): a county's 渔业 bureau decides the fish farms routed to it. */
export const applicationVisibility = defineVisibility({ regionCode: subjectApplications.regionCode, department: subjectApplications.department }, (actor) =>
  allOf(inActorJurisdiction(actor, 'regionCode'), departmentTerm(actor, 'department')),
);
export const changeRequestVisibility = defineVisibility({ regionCode: subjectChangeRequests.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
export const agencyVisibility = defineVisibility({ regionCode: agencies.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));

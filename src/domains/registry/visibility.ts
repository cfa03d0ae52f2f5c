import { sql } from 'drizzle-orm';
import { allOf, defineVisibility, inActorJurisdiction } from '../../platform/auth/visibility.js';
import { departmentTerm } from './departments.js';
import { agencies, subjectApplications, subjectChangeRequests, subjects } from './schema.js';

/**
 * Agency-side registry data is seen by the agencies whose jurisdiction holds its region (DESIGN.md §2), and by
 * department (issue 21 §3): a county's 渔业 bureau sees the fish farms it answers for, the county's general bureau
 * the rest; with no department agency in the county every subject is the general bureau's, as before.
 */
export const subjectVisibility = defineVisibility({ regionCode: subjects.regionCode, department: subjects.department }, (actor) =>
  allOf(inActorJurisdiction(actor, 'regionCode'), departmentTerm(actor, 'department')),
);
/** Applications also by department (issue 21 §3): a county's 渔业 bureau decides the fish farms routed to it. */
export const applicationVisibility = defineVisibility({ regionCode: subjectApplications.regionCode, department: subjectApplications.department }, (actor) =>
  allOf(inActorJurisdiction(actor, 'regionCode'), departmentTerm(actor, 'department')),
);
/** A change request goes with its subject: the subject's department decides it (read from the subject, whose department moves with it). */
export const changeRequestVisibility = defineVisibility(
  {
    regionCode: subjectChangeRequests.regionCode,
    department: (department: string) => sql`EXISTS (SELECT 1 FROM ${subjects} WHERE ${subjects.id} = ${subjectChangeRequests.subjectId} AND ${subjects.department} = ${department})`,
  },
  (actor) => allOf(inActorJurisdiction(actor, 'regionCode'), departmentTerm(actor, 'department')),
);
export const agencyVisibility = defineVisibility({ regionCode: agencies.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));

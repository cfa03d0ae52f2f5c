import { allOf, defineVisibility, inActorJurisdiction, is } from '../../platform/auth/visibility.js';
import { departmentTerm } from '../registry/index.js';
import { inspections, supervisionTransfers } from './schema.js';

/**
 * Who sees an inspection: the supervision and enforcement agencies whose jurisdiction holds the inspected subject,
 * by the subject's department as the subject itself is seen (issue 21 §3).
 */
export const inspectionVisibility = defineVisibility({ regionCode: inspections.regionCode, department: inspections.department }, (actor) =>
  allOf(inActorJurisdiction(actor, 'regionCode'), departmentTerm(actor, 'department')),
);

/**
 * Who reads a transfer as such (the inbox, taking it into a case): the enforcement agency it was sent to. The agencies
 * that see the inspection read the transfer with it (inspection.queries.ts), and a case's readers with the case.
 */
export const transferVisibility = defineVisibility({ toAgencyId: supervisionTransfers.toAgencyId }, (actor) => is('toAgencyId', actor.agency.id));

/**
 * Transfers filed in the actor's jurisdiction, whoever they were sent to: what the 待受理移交 figures count. An
 * enforcement agency already reads each of them with its inspection (inspectionVisibility); taking one into a case
 * still needs transferVisibility.
 */
export const transferJurisdictionVisibility = defineVisibility({ regionCode: supervisionTransfers.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));

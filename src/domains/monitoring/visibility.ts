import { sql } from 'drizzle-orm';
import { anyOf, defineVisibility, is, within } from '../../platform/auth/visibility.js';
import { taskPublishers } from '../tasks/index.js';
import { readsByRegion } from './policies.js';
import { monitoringAlerts, recallOrders, samples } from './schema.js';

/**
 * Who reads a sample: the agency that took it; the agency that published the task; and the supervision and enforcement
 * agencies whose jurisdiction holds the place it was sampled or the producer's county (they act on a failure).
 */
export const sampleVisibility = defineVisibility(
  {
    agencyId: samples.agencyId,
    regionCode: samples.regionCode,
    originRegion: samples.originRegion,
    taskPublisher: (agencyId: string) =>
      sql`${samples.taskId} IN (SELECT ${taskPublishers.taskId} FROM ${taskPublishers} WHERE ${taskPublishers.publisherAgencyId} = ${agencyId})`,
  },
  (actor) =>
    anyOf(
      is('agencyId', actor.agency.id),
      is('taskPublisher', actor.agency.id),
      ...(readsByRegion(actor) ? [within('regionCode', actor.jurisdiction), within('originRegion', actor.jurisdiction)] : []),
    ),
);

/**
 * Who reads a recall order: the agency that issued it, the agencies alerted for the same sample (the county's
 * enforcement), and the supervision and enforcement agencies whose jurisdiction holds the issuer's county.
 */
export const recallOrderVisibility = defineVisibility(
  {
    agencyId: recallOrders.agencyId,
    agencyRegion: recallOrders.agencyRegion,
    alertedAgencyIds: (agencyId: string) =>
      sql`EXISTS (SELECT 1 FROM ${monitoringAlerts} WHERE ${monitoringAlerts.sampleId} = ${recallOrders.sampleId} AND ${monitoringAlerts.agencyId} = ${agencyId})`,
  },
  (actor) =>
    anyOf(is('agencyId', actor.agency.id), is('alertedAgencyIds', actor.agency.id), ...(readsByRegion(actor) ? [within('agencyRegion', actor.jurisdiction)] : [])),
);

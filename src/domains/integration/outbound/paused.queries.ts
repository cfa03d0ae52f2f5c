import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { integrationClients } from '../schema.js';
import { webhookEndpoints } from './schema.js';

/**
 * The client systems an agency registered that have a webhook endpoint paused after repeated failures: what the
 * console's shell tells that agency's admins on every page until someone resumes it (issue 17 §3: "pause on repeated
 * failure with a notice to the client's owner"). Read from the endpoints' state, so the notice lasts exactly as long
 * as the pause, whoever was signed in when it happened.
 */
export async function pausedWebhooksOf(db: Executor, agencyId: string): Promise<{ clientId: string; clientName: string; endpoints: number }[]> {
  const rows = await db
    .select({ clientId: integrationClients.id, clientName: integrationClients.name, endpoints: sql<number>`count(*)::int` })
    .from(webhookEndpoints)
    .innerJoin(integrationClients, eq(integrationClients.id, webhookEndpoints.clientId))
    .where(and(eq(integrationClients.registeredByAgency, agencyId), eq(webhookEndpoints.status, 'paused')))
    .groupBy(integrationClients.id, integrationClients.name)
    .orderBy(integrationClients.name);
  return rows.map((r) => ({ ...r, endpoints: Number(r.endpoints) }));
}

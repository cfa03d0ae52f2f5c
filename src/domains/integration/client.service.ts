import type { Grants } from '../../platform/auth/permissions.js';
import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Tx } from '../../platform/db/client.js';
import { lockStream, withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { httpError } from '../../platform/http/errors.js';
import type { Pii } from '../../platform/pii/pii.js';
import { clientDetail, manageableClient } from './client.queries.js';
import { assertRegistrable, checkedScheme, checkedScope, homeRegion } from './client.rules.js';
import type { ClientOut } from './contracts.js';
import { integrationError } from './errors.js';
import { isLive, keyView, MAX_LIVE_KEYS, newKeyId, newSecret } from './keys.js';
import { integrationClients, integrationKeys, type CertificationScheme } from './schema.js';

export type IntegrationDeps = { db: Db; pii: Pii; grants: Grants };

type ClientInput = {
  name: string;
  kind: ClientOut['kind'];
  scheme?: CertificationScheme | undefined;
  regions: string[];
  operations: string[];
  contact?: string | undefined;
};

/** Registers a client system (no key yet: the first key is its own step, so its secret is shown on its own). */
export async function registerClient(deps: IntegrationDeps, ctx: CommandContext, input: ClientInput): Promise<ClientOut> {
  const actor = agencyActorIn(ctx);
  assertRegistrable(actor, input.kind);
  const scheme = checkedScheme(input.kind, input.scheme);
  const scope = await checkedScope(deps.db, deps.grants, actor, input.kind, input);
  const regionCode = homeRegion(actor, input.kind, scope);
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await tx
      .insert(integrationClients)
      .values({ name: input.name, kind: input.kind, scheme, regionCode, regions: scope.regions, operations: scope.operations, contact: input.contact ?? null, registeredByAgency: actor.agency.id, createdBy: actor.userId })
      .returning({ id: integrationClients.id });
    await recordAudit(tx, ctx, { action: 'integration.client_register', targetType: 'integration_client', targetId: row!.id, regionCode, after: { name: input.name, kind: input.kind, scheme, ...scope } });
    return row!.id;
  });
  return clientDetail(deps.db, actor, id);
}

/** Changes a client's scope (regions, operations) or status; a disabled client's keys stop signing at once. */
export async function updateScope(deps: IntegrationDeps, ctx: CommandContext, id: string, input: { regions: string[]; operations: string[]; status?: 'active' | 'disabled' | undefined }): Promise<ClientOut> {
  const actor = agencyActorIn(ctx);
  const client = await manageableClient(deps.db, actor, id);
  const scope = await checkedScope(deps.db, deps.grants, actor, client.kind, input);
  if (client.kind === 'provincial_platform' && scope.regions[0] !== client.regionCode) throw integrationError('PROVINCE_REQUIRED');
  await withTransaction(deps.db, ctx, async (tx) => {
    await tx
      .update(integrationClients)
      .set({ regions: scope.regions, operations: scope.operations, status: input.status ?? client.status, updatedAt: new Date() })
      .where(eq(integrationClients.id, id));
    await recordAudit(tx, ctx, {
      action: 'integration.client_update',
      targetType: 'integration_client',
      targetId: id,
      regionCode: client.regionCode,
      before: { regions: client.regions, operations: client.operations, status: client.status },
      after: { ...scope, status: input.status ?? client.status },
    });
  });
  return clientDetail(deps.db, actor, id);
}

/** The client's keys under its lock, so that two issues at once cannot pass the limit of live keys together. */
async function lockedKeys(tx: Tx, clientId: string) {
  await lockStream(tx, `integration-keys:${clientId}`);
  return tx.select().from(integrationKeys).where(eq(integrationKeys.clientId, clientId));
}

async function insertKey(deps: IntegrationDeps, tx: Tx, clientId: string, by: string) {
  const secret = newSecret();
  const [key] = await tx.insert(integrationKeys).values({ id: newKeyId(), clientId, secret: deps.pii.encrypt(secret), createdBy: by }).returning();
  return { key: key!, secret };
}

/** Issues a key (a client's first, or a second beside a live one); the secret is in this answer only. */
export async function createKey(deps: IntegrationDeps, ctx: CommandContext, clientId: string) {
  const actor = agencyActorIn(ctx);
  const client = await manageableClient(deps.db, actor, clientId);
  if (client.status !== 'active') throw integrationError('CLIENT_DISABLED');
  return withTransaction(deps.db, ctx, async (tx) => {
    const keys = await lockedKeys(tx, clientId);
    if (keys.filter((k) => isLive(k)).length >= MAX_LIVE_KEYS) throw integrationError('KEY_LIMIT');
    const { key, secret } = await insertKey(deps, tx, clientId, actor.userId);
    await recordAudit(tx, ctx, { action: 'integration.key_create', targetType: 'integration_client', targetId: clientId, regionCode: client.regionCode, after: { keyId: key.id } });
    return { key: keyView(key), secret, previous: null };
  });
}

/**
 * Rotation with an overlap: a new key, and the old one expiring after `overlapHours` — both sign meanwhile, so the
 * partner deploys the new secret without a gap. Done by the client's registrar, or by the client itself (signed
 * with the key it rotates).
 */
export async function rotateKey(deps: IntegrationDeps, ctx: CommandContext, clientId: string, keyId: string, overlapHours: number) {
  const by = ctx.actor ?? ctx.client;
  if (!by) throw httpError('UNAUTHENTICATED');
  const client = ctx.actor ? await manageableClient(deps.db, agencyActorIn(ctx), clientId) : await ownClient(deps.db, ctx, clientId);
  if (client.status !== 'active') throw integrationError('CLIENT_DISABLED');
  return withTransaction(deps.db, ctx, async (tx) => {
    const keys = await lockedKeys(tx, clientId);
    const old = keys.find((k) => k.id === keyId);
    if (!old) throw integrationError('KEY_NOT_FOUND');
    if (!isLive(old)) throw integrationError('KEY_ALREADY_REVOKED');
    // The key going out no longer counts once it expires; a third live key is never made.
    if (keys.filter((k) => isLive(k) && k.id !== keyId).length >= MAX_LIVE_KEYS - 1) throw integrationError('KEY_LIMIT');
    const expiresAt = new Date(Date.now() + overlapHours * 3600_000);
    const [previous] = await tx
      .update(integrationKeys)
      .set({ expiresAt: old.expiresAt && old.expiresAt < expiresAt ? old.expiresAt : expiresAt })
      .where(eq(integrationKeys.id, keyId))
      .returning();
    const { key, secret } = await insertKey(deps, tx, clientId, by.userId);
    await recordAudit(tx, ctx, { action: 'integration.key_rotate', targetType: 'integration_client', targetId: clientId, regionCode: client.regionCode, after: { keyId: key.id, previous: keyId, previousExpiresAt: previous!.expiresAt } });
    return { key: keyView(key), secret, previous: keyView(previous!) };
  });
}

/** Revokes a key at once (a leaked secret): its next request is KEY_REVOKED. */
export async function revokeKey(deps: IntegrationDeps, ctx: CommandContext, clientId: string, keyId: string) {
  const actor = agencyActorIn(ctx);
  const client = await manageableClient(deps.db, actor, clientId);
  await withTransaction(deps.db, ctx, async (tx) => {
    const [key] = await tx.select().from(integrationKeys).where(and(eq(integrationKeys.id, keyId), eq(integrationKeys.clientId, clientId)));
    if (!key) throw integrationError('KEY_NOT_FOUND');
    if (key.revokedAt) throw integrationError('KEY_ALREADY_REVOKED');
    await tx.update(integrationKeys).set({ revokedAt: new Date() }).where(eq(integrationKeys.id, keyId));
    await recordAudit(tx, ctx, { action: 'integration.key_revoke', targetType: 'integration_client', targetId: clientId, regionCode: client.regionCode, before: { keyId, state: 'live' }, after: { keyId, state: 'revoked' } });
  });
  return clientDetail(deps.db, actor, clientId);
}

/** A client system acting on itself: only its own record. */
async function ownClient(db: Db, ctx: CommandContext, clientId: string) {
  if (!ctx.client || ctx.client.client.id !== clientId) throw integrationError('CLIENT_NOT_FOUND');
  const [row] = await db.select().from(integrationClients).where(eq(integrationClients.id, clientId));
  if (!row) throw integrationError('CLIENT_NOT_FOUND');
  return row;
}

import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { CERTIFICATION_SCHEMES, CLIENT_KINDS, CLIENT_STATUSES, DEFAULT_OVERLAP_HOURS, KEY_STATES, MAX_OVERLAP_HOURS } from './integration.shared.js';

/** A region prefix of a client's scope: '' (the whole country, the ministry's to give) or a region code. */
export const scopeRegion = z.string().regex(/^(|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, "a region code (2, 4, 6, 9 or 12 digits), or '' for the whole country");
/** An operation of a scope: a permission name the client's kind may be given (GET /api/v1/integration/operations). */
export const operation = z.string().regex(/^[a-z]+\.[a-z_]+$/);

export const MAX_SCOPE_REGIONS = 50;

export const clientIdParam = z.strictObject({ id: z.uuid() });
export const keyParams = z.strictObject({ id: z.uuid(), keyId: z.string().regex(/^tnk_[0-9a-z]{10,40}$/) });

export const clientIn = z.strictObject({
  name: plainText(2, 100),
  kind: z.enum(CLIENT_KINDS),
  scheme: z.enum(CERTIFICATION_SCHEMES).optional(),
  regions: z.array(scopeRegion).min(1).max(MAX_SCOPE_REGIONS),
  operations: z.array(operation).max(20),
  contact: plainText(1, 100).optional(),
});

export const scopeIn = z.strictObject({
  regions: z.array(scopeRegion).min(1).max(MAX_SCOPE_REGIONS),
  operations: z.array(operation).max(20),
  status: z.enum(CLIENT_STATUSES).optional(),
});

/** Hours the old key keeps signing after a rotation (the partner deploys the new secret meanwhile). */
export const rotateIn = z.strictObject({ overlapHours: z.number().int().min(1).max(MAX_OVERLAP_HOURS).default(DEFAULT_OVERLAP_HOURS) });

export const keyOut = z.object({
  id: z.string(),
  state: z.enum(KEY_STATES),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
});

export const clientOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(CLIENT_KINDS),
  scheme: z.enum(CERTIFICATION_SCHEMES).nullable(),
  regionCode: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  operations: z.array(z.string()),
  contact: z.string().nullable(),
  status: z.enum(CLIENT_STATUSES),
  createdAt: z.date(),
  keys: z.array(keyOut),
  /** Whether the caller may change it (register kind and jurisdiction). */
  manageable: z.boolean(),
});
export type ClientOut = z.infer<typeof clientOut>;

export const clientListQuery = z.strictObject({ ...pageQuery, kind: z.enum(CLIENT_KINDS).optional() });
export const clientPage = countedPageOf(clientOut.omit({ keys: true }));

/** The secret is in this answer only: it is stored encrypted and never shown again. */
export const keyCreatedOut = z.object({ key: keyOut, secret: z.string(), previous: keyOut.nullable() });

export const callOut = z.object({
  id: z.number().int(),
  at: z.date(),
  keyId: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  code: z.string().nullable(),
});
export const callListQuery = z.strictObject({ ...pageQuery, errors: z.enum(['true', 'false']).optional() });
export const callPage = countedPageOf(callOut).extend({ last24h: z.object({ calls: z.number().int(), errors: z.number().int() }) });

export const operationsOut = z.object({ kinds: z.array(z.object({ kind: z.enum(CLIENT_KINDS), operations: z.array(z.string()), registrable: z.boolean() })) });

/** What a client system reads of itself (GET /api/v1/integration/me). */
export const selfOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(CLIENT_KINDS),
  regions: z.array(z.string()),
  operations: z.array(z.string()),
  keyId: z.string(),
  keys: z.array(keyOut),
});

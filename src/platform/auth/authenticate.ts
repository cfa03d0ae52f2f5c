import { createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.js';
import { httpError } from '../http/errors.js';
import type { Actor, ClientActor, RequestMeta } from './actor.js';
import type { RoutePermission } from './permissions.js';
import { claimsSignature, readSignedHeaders, sha256Hex, signatureError, type SignedHeaders } from './signature.js';
import { CSRF_HEADER, SESSION_COOKIE, credentialHolds, findApiTokenUser, findSession, safeEqual, sha256, type Credential } from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The client system of a signed request (never a person: `actor` stays null). */
    client: ClientActor | null;
    /** The client and key a signed request named, once its key was found: its call is logged under them, refused or not. */
    clientCall: ClientCall | null;
    /** The code of a refused client call, for its log. */
    clientErrorCode: string | null;
    /** The SHA-256 of a signed request's body, taken as it streams in. */
    bodyDigest: Hash | null;
    meta: RequestMeta;
    /** 'cookie' requests must prove CSRF on writes; bearer requests cannot be forged by a browser; 'signature': a client system. */
    authVia: 'cookie' | 'bearer' | 'signature' | null;
    /** The session or token this request came with, and when it ends: a long-lived stream re-checks it. */
    credential: (Credential & { expiresAt: Date }) | null;
    /** Who the request's credential stands for now: null once it ended or its account can no longer act. */
    reauthenticate(): Promise<Actor | null>;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** The route serves client systems too (signed requests), as far as their scope's operations hold its permission. */
    clients?: boolean;
  }
}

/** Supplied by the accounts domain: who a user id is now (null when disabled or gone). */
export type ActorLoader = (userId: string) => Promise<Actor | null>;

export type ClientCall = { clientId: string; keyId: string };

/** Supplied by the integration domain: the key store behind signed requests, and its log of calls. */
export type ClientVerifier = {
  /**
   * The client a signed request comes from, once its key holds, its timestamp is fresh, its signature is right and its
   * nonce is new; else an AppError (KEY_REVOKED, SIGNATURE_EXPIRED, SIGNATURE_INVALID, NONCE_REUSED). `found` is told
   * the client as soon as the key is known, so that a refused call is logged under it.
   */
  verify(signed: SignedHeaders & { method: string; url: string; bodySha256: string }, found: (call: ClientCall) => void): Promise<ClientActor>;
  /** Logs one call after its answer was sent (never fails the request). */
  recordCall(call: ClientCall & { method: string; path: string; status: number; code: string | null; requestId: string }): void;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Routes a user who must change the password may still call.
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<RoutePermission>(['public', 'authenticated']);

/** onRoute hook: every API route must say who may call it; one that forgets stops the server from starting. */
export function requireDeclaredPermission(route: RouteOptions): void {
  if (route.url.startsWith('/api/v1/') && !route.config?.permission) {
    throw new Error(`Route ${route.method} ${route.url} declares no permission (config.permission)`);
  }
}

export function installAuthentication(app: FastifyInstance, db: Db, loadActor: ActorLoader, clients?: ClientVerifier): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('client', null);
  app.decorateRequest('clientCall', null);
  app.decorateRequest('bodyDigest', null);
  app.decorateRequest('clientErrorCode', null);
  app.decorateRequest('meta', null as unknown as RequestMeta);
  app.decorateRequest('authVia', null);
  app.decorateRequest('credential', null);
  app.decorateRequest('reauthenticate', async function (this: FastifyRequest) {
    const credential = this.credential;
    if (!credential || !(await credentialHolds(db, credential))) return null;
    return loadActor(credential.userId);
  });

  app.addHook('onRequest', async (request) => {
    request.meta = { requestId: request.id, ip: request.ip };
    const permission = request.routeOptions.config.permission;
    if (!permission) return; // static files and docs
    // A signed request is judged by its signature alone (a cookie or token beside it is ignored), once its body is in.
    // Public routes need no one: there the headers mean nothing and are not checked.
    if (permission !== 'public' && claimsSignature(request.headers)) {
      request.authVia = 'signature';
      return;
    }
    await resolveActor(request, db, loadActor);
    if (permission === 'public') return;
    const actor = request.actor;
    if (!actor) throw httpError('UNAUTHENTICATED');
    if (request.authVia === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) throw httpError('CSRF_FAILED');
    }
    if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(permission)) {
      throw httpError('PASSWORD_CHANGE_REQUIRED');
    }
    if (permission !== 'authenticated' && !actor.permissions.has(permission)) {
      throw httpError('FORBIDDEN', { permission });
    }
  });

  installSignedRequests(app, clients);
}

/**
 * Signed requests: the body is hashed as it streams in (preParsing), then the signature, key and nonce are checked
 * before validation and before any handler, and the route's permission against the client's scope. A route that does
 * not serve clients refuses them first (OUT_OF_SCOPE), console routes included: a client key never opens the console.
 */
function installSignedRequests(app: FastifyInstance, clients: ClientVerifier | undefined): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.authVia !== 'signature') return payload;
    const digest = createHash('sha256');
    request.bodyDigest = digest;
    let received = 0;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        digest.update(chunk);
        received += chunk.length;
        (tee as unknown as { receivedEncodedLength: number }).receivedEncodedLength = received;
        done(null, chunk);
      },
    });
    return payload.pipe(tee);
  });

  app.addHook('preValidation', async (request) => {
    if (request.authVia !== 'signature') return;
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    // A route that does not serve client systems says so before anything is checked: that is no secret (OpenAPI).
    if (!request.routeOptions.config.clients || !clients) throw signatureError('OUT_OF_SCOPE', { reason: 'NOT_FOR_CLIENTS' });
    const signed = readSignedHeaders(request.headers);
    const bodySha256 = request.bodyDigest ? request.bodyDigest.digest('hex') : sha256Hex('');
    const client = await clients.verify({ ...signed, method: request.method, url: request.url, bodySha256 }, (call) => {
      request.clientCall = call;
    });
    request.client = client;
    if (permission !== 'authenticated' && !client.permissions.has(permission)) throw signatureError('OUT_OF_SCOPE', { permission });
  });

  if (!clients) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.clientCall && reply.statusCode >= 400 && typeof payload === 'string') {
      try {
        const code = (JSON.parse(payload) as { code?: unknown }).code;
        if (typeof code === 'string') request.clientErrorCode = code;
      } catch {
        // not a JSON error body: the status alone is logged
      }
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const call = request.clientCall;
    if (!call) return;
    clients.recordCall({
      ...call,
      method: request.method,
      path: request.url.split('?')[0]!.slice(0, 300),
      status: reply.statusCode,
      code: request.clientErrorCode,
      requestId: request.id,
    });
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken?: string;
  }
}

async function resolveActor(request: FastifyRequest, db: Db, loadActor: ActorLoader): Promise<void> {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    const found = await findApiTokenUser(db, token);
    if (!found) throw httpError('UNAUTHENTICATED', { reason: 'INVALID_TOKEN' });
    request.actor = await loadActor(found.userId);
    request.authVia = 'bearer';
    request.credential = { userId: found.userId, kind: 'token', hash: sha256(token), expiresAt: found.expiresAt };
    return;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return;
  const session = await findSession(db, sessionId);
  if (!session) return;
  request.actor = await loadActor(session.userId);
  if (request.actor) {
    request.authVia = 'cookie';
    request.csrfToken = session.csrfToken;
    request.credential = { userId: session.userId, kind: 'session', hash: sha256(sessionId), expiresAt: session.expiresAt };
  }
}

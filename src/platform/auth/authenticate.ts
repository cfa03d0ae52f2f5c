import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.js';
import { httpError } from '../http/errors.js';
import type { Actor, RequestMeta } from './actor.js';
import type { RoutePermission } from './permissions.js';
import { CSRF_HEADER, SESSION_COOKIE, credentialHolds, findApiTokenUser, findSession, safeEqual, sha256, type Credential } from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    meta: RequestMeta;
    /** 'cookie' requests must prove CSRF on writes; bearer requests cannot be forged by a browser. */
    authVia: 'cookie' | 'bearer' | null;
    /** The session or token this request came with, and when it ends: a long-lived stream re-checks it. */
    credential: (Credential & { expiresAt: Date }) | null;
    /** Who the request's credential stands for now: null once it ended or its account can no longer act. */
    reauthenticate(): Promise<Actor | null>;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}

/** Supplied by the accounts domain: who a user id is now (null when disabled or gone). */
export type ActorLoader = (userId: string) => Promise<Actor | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Routes a user who must change the password may still call.
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<RoutePermission>(['public', 'authenticated']);

/** onRoute hook: every API route must say who may call it; one that forgets stops the server from starting. */
export function requireDeclaredPermission(route: RouteOptions): void {
  if (route.url.startsWith('/api/v1/') && !route.config?.permission) {
    throw new Error(`Route ${route.method} ${route.url} declares no permission (config.permission)`);
  }
}

export function installAuthentication(app: FastifyInstance, db: Db, loadActor: ActorLoader): void {
  app.decorateRequest('actor', null);
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

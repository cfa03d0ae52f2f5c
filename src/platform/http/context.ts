import type { FastifyRequest } from 'fastify';
import type { Actor, AgencyActor, Caller, CommandContext, SubjectActor } from '../auth/actor.js';
import { errorBody } from './error-body.shared.js';
import { httpError } from './errors.js';

export function commandContext(request: FastifyRequest): CommandContext {
  return { actor: request.actor, client: request.client, meta: request.meta };
}

/** For routes that serve client systems too (`config.clients`): the person or the client system calling. */
export function callerOf(request: FastifyRequest): Caller {
  const caller = request.actor ?? request.client;
  if (!caller) throw httpError('UNAUTHENTICATED');
  return caller;
}

/** For routes whose permission guarantees a logged-in actor. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw httpError('UNAUTHENTICATED');
  return request.actor;
}

/** Inside a command whose route only officials reach; defence in depth behind the route's permission. */
export function agencyActorIn(ctx: CommandContext): AgencyActor {
  const actor = ctx.actor;
  if (!actor) throw httpError('UNAUTHENTICATED');
  if (actor.kind !== 'agency') throw httpError('FORBIDDEN', { reason: 'AGENCY_ONLY' });
  return actor;
}

/** Inside a command only a subject's own accounts reach. */
export function subjectActorIn(ctx: CommandContext): SubjectActor {
  const actor = ctx.actor;
  if (!actor) throw httpError('UNAUTHENTICATED');
  if (actor.kind !== 'subject') throw httpError('FORBIDDEN', { reason: 'SUBJECT_ONLY' });
  return actor;
}

/** For routes only agency officials reach (their permissions are never granted to a subject's account). */
export function agencyActorOf(request: FastifyRequest): AgencyActor {
  const actor = actorOf(request);
  if (actor.kind !== 'agency') throw httpError('FORBIDDEN', { reason: 'AGENCY_ONLY' });
  return actor;
}

/** For routes only a subject's own accounts reach. */
export function subjectActorOf(request: FastifyRequest): SubjectActor {
  const actor = actorOf(request);
  if (actor.kind !== 'subject') throw httpError('FORBIDDEN', { reason: 'SUBJECT_ONLY' });
  return actor;
}

export { errorBody };

/** The error responses every authenticated route documents. */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

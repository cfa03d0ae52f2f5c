import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor, CommandContext } from '../auth/actor.js';
import { httpError } from './errors.js';

export function commandContext(request: FastifyRequest): CommandContext {
  return { actor: request.actor, meta: request.meta };
}

/** For routes whose permission guarantees a logged-in actor. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw httpError('UNAUTHENTICATED');
  return request.actor;
}

export const errorBody = z.object({
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  details: z.record(z.string(), z.unknown()),
});

/** The error responses every authenticated route documents. */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

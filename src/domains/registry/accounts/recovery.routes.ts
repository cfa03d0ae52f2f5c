import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { idParam, resetPasswordIn, userOut } from '../contracts.js';
import { listSubjectResetRequests, resetSubjectPassword } from './subject-password-reset.service.js';
import type { RegistryDeps } from '../deps.js';
import { demoLoaded } from '../demo.seed.js';
import { listResetRequests, requestPasswordReset } from './password-reset.service.js';
import { loginOptionsOut, recoverCodesIn, recoverCodesOut, resetRequestIn, resetRequestOut, resetRequestPage, resetRequestQuery, subjectResetRequestList } from './recovery.contracts.js';
import { recoverTrackingCodes } from './tracking-recovery.service.js';

const HOUR = 3600_000;
/** How long "no demo data" is believed before the database is asked again (a `cli seed` while running). */
const DEMO_RECHECK_MS = 60_000;

/** What a person who cannot get in may do: see the demo logins, ask for a password reset, find a lost tracking code. */
export function recoveryRoutes(deps: RegistryDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    await root.register(fastifyRateLimit, {
      global: false,
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    });
    // Demo data is never removed from a running database, so "loaded" is kept for good; "not loaded" for a minute.
    let demo: { loaded: boolean; at: number } | null = null;

    app.get('/api/v1/public/login-options', {
      config: { permission: 'public', rateLimit: { max: deps.config.publicRateLimit, timeWindow: 60_000 } },
      schema: { tags: ['auth 登录与账号'], summary: 'What the login page shows before sign-in: whether the demo accounts exist', response: { 200: loginOptionsOut, 429: errorBody } },
      handler: async () => {
        if (!demo || (!demo.loaded && Date.now() - demo.at > DEMO_RECHECK_MS)) demo = { loaded: await demoLoaded(deps.db), at: Date.now() };
        return { demo: demo.loaded };
      },
    });

    app.post('/api/v1/auth/password-reset-requests', {
      config: { permission: 'public' },
      schema: {
        tags: ['auth 登录与账号'],
        summary: "Forgotten password: ask the account's administrator for a reset. The same answer whether or not the account exists; counted like a login attempt",
        body: resetRequestIn,
        response: { 202: resetRequestOut, 400: errorBody, 429: errorBody },
      },
      handler: async (request, reply) => {
        await requestPasswordReset(deps, request.meta, request.body.username);
        return reply.status(202).send({ received: true });
      },
    });

    app.get('/api/v1/password-reset-requests', {
      config: { permission: 'user.manage' },
      schema: { tags: ['agencies 机构与账号分配'], summary: 'Open password-reset requests of the accounts I manage, oldest first; resetting the password answers one', querystring: resetRequestQuery, response: { 200: resetRequestPage, ...errorResponses } },
      handler: async (request) => listResetRequests(deps, agencyActorOf(request), request.query),
    });

    // The county that approves a subject's registration opened its main account, and resets its forgotten password.
    app.get('/api/v1/registry/main-account-reset-requests', {
      config: { permission: 'subject.approve' },
      schema: { tags: ['registration 主体注册申请'], summary: "Forgotten-password requests of the main accounts of my county's subjects, oldest first", response: { 200: subjectResetRequestList, ...errorResponses } },
      handler: async (request) => listSubjectResetRequests(deps.db, agencyActorOf(request)),
    });

    app.post('/api/v1/registry/main-accounts/:id/reset-password', {
      config: { permission: 'subject.approve' },
      schema: {
        tags: ['registration 主体注册申请'],
        summary: "Set a new password for a subject's main account (a user id); the holder must change it at next login",
        params: idParam,
        body: resetPasswordIn,
        response: { 200: userOut, ...errorResponses },
      },
      handler: async (request) => resetSubjectPassword(deps, commandContext(request), request.params.id, request.body.newPassword),
    });

    app.post('/api/v1/registry/applications/recover', {
      config: { permission: 'public', rateLimit: { max: deps.config.registrationRateLimit, timeWindow: HOUR } },
      schema: {
        tags: ['registration 主体注册申请'],
        summary: 'A lost tracking code: the codes of the applications made with this identity number and this phone (both must match)',
        body: recoverCodesIn,
        response: { 200: recoverCodesOut, 400: errorBody, 429: errorBody },
      },
      handler: async (request) => recoverTrackingCodes(deps, commandContext(request), request.body),
    });
  };
}

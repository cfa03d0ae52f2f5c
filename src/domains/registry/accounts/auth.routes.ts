import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../platform/auth/session.js';
import { actorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { changePasswordIn, idParam, loginIn, logoutIn, meOut, tokenCreatedOut, tokenIn, tokenListOut } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { changePassword, issueToken, login, logout, me, myTokens, revokeToken } from './auth.service.js';

const tags = ['auth 登录与账号'];

export function authRoutes(deps: RegistryDeps) {
  const secure = deps.config.publicUrl.startsWith('https://');
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post('/api/v1/auth/login', {
      config: { permission: 'public' },
      schema: { tags, summary: 'Log in; sets the session cookie and returns the CSRF token', body: loginIn, response: { 200: meOut, 400: errorBody, 401: errorBody, 403: errorBody, 423: errorBody, 429: errorBody, 503: errorBody } },
      handler: async (request, reply) => {
        const { session, actor } = await login(deps, request.meta, request.body.username, request.body.password);
        void reply.setCookie(SESSION_COOKIE, session.sessionId, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: session.expiresAt });
        return me(deps, actor, session.csrfToken);
      },
    });

    app.post('/api/v1/auth/logout', {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Log out', body: logoutIn, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await logout(deps, request.cookies[SESSION_COOKIE], actorOf(request).userId);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/auth/me', {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Who I am: account, agency, permissions, jurisdiction', response: { 200: meOut, ...errorResponses } },
      handler: async (request) => me(deps, actorOf(request), request.csrfToken ?? null),
    });

    app.post('/api/v1/auth/password', {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Change my password; my other sessions and every app token end', body: changePasswordIn, response: { 204: z.null(), ...errorResponses, 423: errorBody } },
      handler: async (request, reply) => {
        await changePassword(deps, commandContext(request), request.body.currentPassword, request.body.newPassword, request.cookies[SESSION_COOKIE]);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/auth/tokens', {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'My app tokens (bearer), with the lifetime a new one gets (defaultDays) and the longest it may ask for (maxDays)',
        response: { 200: tokenListOut, ...errorResponses },
      },
      handler: async (request) => ({ items: await myTokens(deps, actorOf(request)), defaultDays: deps.config.tokenTtlDays, maxDays: deps.config.tokenMaxTtlDays }),
    });

    app.post('/api/v1/auth/tokens', {
      config: { permission: 'authenticated', idempotencySecrets: ['token'] },
      schema: {
        tags,
        summary: `Create an app token with the account's password; the token is shown only in this response. It lasts expiresInDays (default ${deps.config.tokenTtlDays}, at most ${deps.config.tokenMaxTtlDays})`,
        body: tokenIn,
        response: { 201: tokenCreatedOut, ...errorResponses, 423: errorBody, 429: errorBody },
      },
      handler: async (request, reply) => reply.status(201).send(await issueToken(deps, commandContext(request), request.body)),
    });

    app.delete('/api/v1/auth/tokens/:id', {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Revoke an app token', params: idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await revokeToken(deps, commandContext(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}


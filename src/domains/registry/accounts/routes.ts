import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyActorOf, commandContext, errorResponses } from '../../../platform/http/context.js';
import {
  agencyListQuery,
  agencyOut,
  agencyPage,
  allocateIn,
  allocationOption,
  idParam,
  newUserIn,
  resetPasswordIn,
  updateUserIn,
  userListQuery,
  userOut,
  userFilterQuery,
  userPage,
} from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { agencyDetail, agencyUsers, allocateAgency } from './agency.service.js';
import { allocationOptions } from '../policies.js';
import { listAgencies } from './queries.js';
import { createUser, resetPassword, updateUser } from './user.service.js';
import { userSheet } from './user-list.sheet.js';
import { auditExport, exportRows, sendSheet } from '../../../platform/sheets/list-export.js';

export function registryRoutes(deps: RegistryDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const agencyTags = ['agencies 机构与账号分配'];
    app.get('/api/v1/agencies', {
      config: { permission: 'agency.read' },
      schema: { tags: agencyTags, summary: 'Agencies in my jurisdiction (children of `parentId` for the tree)', querystring: agencyListQuery, response: { 200: agencyPage, ...errorResponses } },
      handler: async (request) => listAgencies(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/agencies/allocation-options', {
      config: { permission: 'agency.read' },
      schema: { tags: agencyTags, summary: 'Which agencies and accounts I may allocate (账号分配规则)', response: { 200: z.object({ items: z.array(allocationOption) }), ...errorResponses } },
      handler: async (request) => ({ items: allocationOptions(agencyActorOf(request)) }),
    });

    app.post('/api/v1/agencies', {
      config: { permission: 'agency.allocate' },
      schema: {
        tags: agencyTags,
        summary: 'Allocate an agency with its first account',
        body: allocateIn,
        response: { 201: z.object({ agency: agencyOut, account: userOut }), ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await allocateAgency(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/agencies/:id', {
      config: { permission: 'agency.read' },
      schema: { tags: agencyTags, summary: 'One agency in my jurisdiction', params: idParam, response: { 200: agencyOut, ...errorResponses } },
      handler: async (request) => agencyDetail(deps, agencyActorOf(request), request.params.id),
    });

    app.get('/api/v1/agencies/:id/users', {
      config: { permission: 'user.read' },
      schema: { tags: agencyTags, summary: 'Accounts of an agency I manage', params: idParam, querystring: userListQuery, response: { 200: userPage, ...errorResponses } },
      handler: async (request) => agencyUsers(deps, agencyActorOf(request), request.params.id, request.query),
    });

    app.get('/api/v1/agencies/:id/users.xlsx', {
      config: { permission: 'user.read' },
      schema: { tags: agencyTags, summary: 'Accounts of an agency I manage, same filter, as an Excel workbook (phones masked; audited)', params: idParam, querystring: userFilterQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const actor = agencyActorOf(request);
        const first = await agencyUsers(deps, actor, request.params.id, { ...request.query, limit: 1 });
        const rows = await exportRows(first.total!, (cursor, limit) => agencyUsers(deps, actor, request.params.id, { ...request.query, cursor, limit }));
        await auditExport(deps.db, commandContext(request), 'registry.users', { agencyId: request.params.id, ...request.query }, rows.length);
        return sendSheet(reply, { ascii: 'users', zh: '账号清单' }, userSheet(rows));
      },
    });

    app.post('/api/v1/agencies/:id/users', {
      config: { permission: 'user.manage' },
      schema: { tags: agencyTags, summary: 'Create an account in an agency I manage', params: idParam, body: newUserIn, response: { 201: userOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await createUser(deps, commandContext(request), request.params.id, request.body)),
    });

    app.patch('/api/v1/users/:id', {
      config: { permission: 'user.manage' },
      schema: { tags: agencyTags, summary: 'Disable, enable or edit an account', params: idParam, body: updateUserIn, response: { 200: userOut, ...errorResponses } },
      handler: async (request) => updateUser(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/users/:id/reset-password', {
      config: { permission: 'user.manage' },
      schema: { tags: agencyTags, summary: 'Set a new password; the holder must change it at next login', params: idParam, body: resetPasswordIn, response: { 200: userOut, ...errorResponses } },
      handler: async (request) => resetPassword(deps, commandContext(request), request.params.id, request.body.newPassword),
    });
  };
}

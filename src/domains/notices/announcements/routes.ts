import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import { actorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { listAnnouncements } from './announcement.queries.js';
import { dismissAnnouncement, publishAnnouncement, updateAnnouncement, withdrawAnnouncement } from './announcement.service.js';
import { announcementIdParam, announcementIn, announcementOut, announcementsPage, announcementsQuery, dismissIn } from './contracts.js';

const tags = ['notices 公告与通知'];
const errors = { ...errorResponses, 422: errorBody };

/** 系统公告: published, edited and withdrawn by operations (announcement.publish); closed by anyone signed in. */
export function announcementRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/announcements', {
      config: { permission: 'announcement.publish' },
      schema: { tags, summary: 'System announcements (系统公告), newest first', querystring: announcementsQuery, response: { 200: announcementsPage, ...errors } },
      handler: async (request) => listAnnouncements(deps.db, request.query),
    });
    app.post('/api/v1/announcements', {
      config: { permission: 'announcement.publish' },
      schema: { tags, summary: 'Publish an announcement: level, Chinese (and English) text, shown from start to end on every console page (audited)', body: announcementIn, response: { 201: announcementOut, ...errors } },
      handler: async (request, reply) => reply.status(201).send(await publishAnnouncement(deps.db, commandContext(request), request.body)),
    });
    app.put('/api/v1/announcements/:id', {
      config: { permission: 'announcement.publish' },
      schema: { tags, summary: 'Change a published announcement (audited); its version rises, so those who closed it see it again', params: announcementIdParam, body: announcementIn, response: { 200: announcementOut, ...errors } },
      handler: async (request) => updateAnnouncement(deps.db, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/announcements/:id/withdraw', {
      config: { permission: 'announcement.publish' },
      schema: { tags, summary: 'Withdraw an announcement: it shows no more (audited)', params: announcementIdParam, response: { 200: announcementOut, ...errors } },
      handler: async (request) => withdrawAnnouncement(deps.db, commandContext(request), request.params.id),
    });
    app.post('/api/v1/announcements/:id/dismiss', {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Close this version of a banner for my account (it shows again if the announcement changes)', params: announcementIdParam, body: dismissIn, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await dismissAnnouncement(deps.db, actorOf(request).userId, request.params.id, request.body.version);
        return reply.status(204).send(null);
      },
    });
  };
}

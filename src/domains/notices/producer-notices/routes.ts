import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, MAX_DOCUMENT_BYTES } from '../../../platform/files/storage.js';
import { agencyActorOf, commandContext, errorBody, errorResponses, subjectActorOf } from '../../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../../platform/http/upload.js';
import { auditExport, sendSheet } from '../../../platform/sheets/list-export.js';
import { regionNamesOf } from '../../registry/index.js';
import {
  attachmentParams,
  attachmentUploadOut,
  audienceCountOut,
  audienceIn,
  inboxDetailOut,
  inboxPage,
  inboxQuery,
  noticeIdParam,
  noticeIn,
  recipientsPage,
  recipientsQuery,
  sentNoticeDetailOut,
  sentNoticesPage,
  sentNoticesQuery,
} from './contracts.js';
import { inboxDetail, listInbox, listRecipients, listSentNotices, sentNoticeDetail, unreadForExport } from './notice.queries.js';
import { countAudience, markRead, type NoticeDeps, readInboxAttachment, readSentAttachment, saveAttachment, sendNotice } from './notice.service.js';
import { unreadSheet } from './notice.sheet.js';

const tags = ['notices 公告与通知'];
const errors = { ...errorResponses, 422: errorBody };

/** 通知 from supervision agencies to the producers of their jurisdiction (notice.send), read with receipts (notice.read). */
export function producerNoticeRoutes(deps: NoticeDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/notices/attachments', {
        config: { permission: 'notice.send' },
        schema: { tags, summary: 'Upload an attachment for a notice (multipart, one file; PDF, docx, xlsx, JPG/PNG judged by content, ≤ 20 MB)', consumes: ['multipart/form-data'], response: { 201: attachmentUploadOut, 413: errorBody, 415: errorBody, ...errorResponses } },
        handler: async (request, reply) => {
          const { bytes, filename } = await readUpload(request, MAX_DOCUMENT_BYTES);
          return reply.status(201).send(await saveAttachment(deps, agencyActorOf(request), bytes, filename));
        },
      });
    });

    app.post('/api/v1/notices/audience', {
      config: { permission: 'notice.send' },
      schema: { tags, summary: 'How many producers of my jurisdiction a notice with this audience would reach now', body: audienceIn, response: { 200: audienceCountOut, ...errors } },
      handler: async (request) => countAudience(deps.db, agencyActorOf(request), request.body),
    });
    app.post('/api/v1/notices', {
      config: { permission: 'notice.send' },
      schema: { tags, summary: 'Send a notice to the producers of my jurisdiction chosen by region, industry, category and certificate; the recipients are frozen now (audited)', body: noticeIn, response: { 201: sentNoticeDetailOut, ...errors } },
      handler: async (request, reply) => reply.status(201).send(await sendNotice(deps, commandContext(request), request.body)),
    });
    app.get('/api/v1/notices', {
      config: { permission: 'notice.send' },
      schema: { tags, summary: 'Notices my agency and the agencies below it sent, newest first, with sent, read and unread counts', querystring: sentNoticesQuery, response: { 200: sentNoticesPage, ...errors } },
      handler: async (request) => listSentNotices(deps.db, agencyActorOf(request), request.query),
    });
    app.get('/api/v1/notices/:id', {
      config: { permission: 'notice.send' },
      schema: { tags, summary: 'One sent notice with its audience, attachments and receipt counts', params: noticeIdParam, response: { 200: sentNoticeDetailOut, ...errors } },
      handler: async (request) => sentNoticeDetail(deps.db, agencyActorOf(request), request.params.id),
    });
    app.get('/api/v1/notices/:id/recipients', {
      config: { permission: 'notice.send' },
      schema: { tags, summary: 'The recipients of a notice (all, read or unread) with who read it and when; the first page carries the total', params: noticeIdParam, querystring: recipientsQuery, response: { 200: recipientsPage, ...errors } },
      handler: async (request) => listRecipients(deps.db, agencyActorOf(request), request.params.id, request.query),
    });
    app.get('/api/v1/notices/:id/unread.xlsx', {
      config: { permission: 'notice.send' },
      schema: { tags, summary: 'The recipients that have not read a notice, as an Excel workbook (the export is audited)', params: noticeIdParam, response: { 200: z.any().describe('.xlsx bytes'), ...errors } },
      handler: async (request, reply) => {
        const actor = agencyActorOf(request);
        const { notice, rows } = await unreadForExport(deps.db, actor, request.params.id);
        const names = await regionNamesOf(deps.db, rows.map((r) => r.regionCode));
        await auditExport(deps.db, commandContext(request), 'notices.unread', { noticeId: notice.id }, rows.length);
        return sendSheet(reply, { ascii: `notice-unread-${notice.no}`, zh: `通知未读名单-${notice.title}` }, unreadSheet(notice, rows, (code) => names.get(code) ?? code));
      },
    });
    app.get('/api/v1/notices/:id/attachments/:fileId', {
      config: { permission: 'notice.send' },
      schema: { tags, summary: 'An attachment of a sent notice', params: attachmentParams, response: { 200: z.any().describe('file bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const file = await readSentAttachment(deps, agencyActorOf(request), request.params.id, request.params.fileId);
        return reply.header('content-type', file.mime).header('content-disposition', attachmentDisposition(file.name)).header('cache-control', 'private, max-age=3600').send(file.bytes);
      },
    });

    app.get('/api/v1/inbox/notices', {
      config: { permission: 'notice.read' },
      schema: { tags, summary: 'Notices sent to my subject (通知), newest first, with how many are unread', querystring: inboxQuery, response: { 200: inboxPage, ...errors } },
      handler: async (request) => listInbox(deps.db, subjectActorOf(request), request.query),
    });
    app.get('/api/v1/inbox/notices/:id', {
      config: { permission: 'notice.read' },
      schema: { tags, summary: 'One notice sent to my subject (reading it does not mark it read)', params: noticeIdParam, response: { 200: inboxDetailOut, ...errors } },
      handler: async (request) => inboxDetail(deps.db, subjectActorOf(request), request.params.id),
    });
    app.post('/api/v1/inbox/notices/:id/read', {
      config: { permission: 'notice.read' },
      schema: { tags, summary: 'Mark a notice read: the receipt (who, when) is the first of my subject’s accounts to do so', params: noticeIdParam, response: { 200: inboxDetailOut, ...errors } },
      handler: async (request) => markRead(deps, commandContext(request), request.params.id),
    });
    app.get('/api/v1/inbox/notices/:id/attachments/:fileId', {
      config: { permission: 'notice.read' },
      schema: { tags, summary: 'An attachment of a notice sent to my subject', params: attachmentParams, response: { 200: z.any().describe('file bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const file = await readInboxAttachment(deps, subjectActorOf(request), request.params.id, request.params.fileId);
        return reply.header('content-type', file.mime).header('content-disposition', attachmentDisposition(file.name)).header('cache-control', 'private, max-age=3600').send(file.bytes);
      },
    });
  };
}

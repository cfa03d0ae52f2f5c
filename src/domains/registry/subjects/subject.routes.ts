import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_IMAGE_BYTES } from '../../../platform/files/storage.js';
import { agencyActorOf, actorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../../platform/http/upload.js';
import { idParam } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { applicationDetail, decideApplication, resubmitApplication, submitApplication } from './application.service.js';
import { applicationPhoto, listApplications, trackApplication } from './application.queries.js';
import { publicIdentity, resolveIdentity } from './identity.service.js';
import { renderIdentityPage } from './identity.page.js';
import {
  applicationCreatedOut,
  applicationIn,
  applicationListQuery,
  applicationOut,
  applicationPage,
  approveIn,
  badRecordIn,
  certificateOut,
  certificateVerifyIn,
  changeRequestInboxQuery,
  changeRequestOut,
  changeRequestPage,
  decideChangeIn,
  opinionIn,
  priorityFlagIn,
  resubmitIn,
  scannedIdentityOut,
  statusChangeIn,
  subjectDetailOut,
  subjectListQuery,
  subjectFilterQuery,
  subjectHistoryPage,
  subjectPage,
  temporarySubjectIn,
  temporarySubjectOut,
  trackingParam,
  uploadOut,
  uploadTicketOut,
} from './subject.contracts.js';
import { setPriorityFlag } from './priority-flag.service.js';
import { createUploadTickets } from './upload-ticket.js';
import { verifyCertificate } from './certificate.service.js';
import { changeRequestInbox, decideChange } from './change-request.service.js';
import { pageQuery } from '../../../platform/http/page.shared.js';
import { subjectSheet } from './subject-list.sheet.js';
import { subjectHistory } from './subject-history.queries.js';
import { auditExport, exportRows, sendSheet } from '../../../platform/sheets/list-export.js';
import { recordTemporarySubject } from './temporary-subject.service.js';
import { addBadRecord, listSubjects, setSubjectStatus, subjectDetail, subjectPhoto } from './subject.service.js';

const fileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
const trackFileParams = z.strictObject({ code: trackingParam.shape.code, fileId: z.uuid() });
const binary = { 200: z.any().describe('file bytes'), ...errorResponses };
const HOUR = 3600_000;

export function subjectRoutes(deps: RegistryDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const applyTags = ['registration 主体注册申请'];
    const subjectTags = ['subjects 生产经营主体'];

    // Anonymous registration is limited per IP (issue 19): refused requests count too, so the limit also bounds
    // guessing. The limit's headers go on the 429 only, as on the public trace routes.
    await root.register(fastifyRateLimit, {
      global: false,
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    });
    const registrationLimit = { max: deps.config.registrationRateLimit, timeWindow: HOUR };
    const uploadLimit = { max: deps.config.uploadRateLimit, timeWindow: HOUR };
    const tickets = createUploadTickets(deps.config.secretKey);
    /** A signed-in subject's uploads are its own (a change request's photos); anyone else's belong to an upload ticket. */
    const uploaderOf = (request: FastifyRequest) => {
      const actor = request.actor;
      if (actor?.kind === 'subject') return { owner: `subject:${actor.subject.id}`, regionCode: actor.subject.regionCode };
      const sent = request.headers['x-upload-ticket'];
      return { owner: tickets.ownerOf(typeof sent === 'string' ? sent : undefined), regionCode: '' };
    };

    const sendFile = async (reply: FastifyReply, fileId: string) => {
      const file = await deps.files.read(deps.db, fileId);
      return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=3600').send(file.bytes);
    };

    app.post('/api/v1/registry/upload-tickets', {
      config: { permission: 'public', rateLimit: registrationLimit },
      schema: {
        tags: applyTags,
        summary: 'An upload ticket for an application in progress: its photos are uploaded under it (header X-Upload-Ticket) and cited with it',
        response: { 201: uploadTicketOut, ...errorResponses },
      },
      handler: async (_request, reply) => reply.status(201).send(tickets.issue()),
    });

    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/registry/uploads', {
        config: { permission: 'public', rateLimit: uploadLimit },
        schema: {
          tags: applyTags,
          summary: 'Upload a licence or ID photo (multipart, one file; JPG/PNG by content, ≤ 5 MB) under an upload ticket (header X-Upload-Ticket), or as a signed-in subject',
          consumes: ['multipart/form-data'],
          headers: z.object({ 'x-upload-ticket': z.string().max(100).optional() }),
          response: { 201: uploadOut, 413: errorBody, 415: errorBody, ...errorResponses },
        },
        handler: async (request, reply) => {
          // The ticket is checked before the body is read: a request without one costs no disk and no parsing.
          const uploader = uploaderOf(request);
          const { bytes, filename } = await readUpload(request, MAX_IMAGE_BYTES);
          const saved = await deps.files.saveImage(deps.db, bytes, { purpose: 'application', regionCode: uploader.regionCode, owner: uploader.owner, originalName: filename });
          return reply.status(201).send({ fileId: saved.id, mime: saved.mime, size: saved.size });
        },
      });
    });

    app.post('/api/v1/registry/applications', {
      config: { permission: 'public', rateLimit: registrationLimit },
      schema: { tags: applyTags, summary: 'Apply for registration (入网登记申请); no login needed', body: applicationIn, response: { 201: applicationCreatedOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await submitApplication(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/registry/applications/track/:code', {
      config: { permission: 'public' },
      schema: { tags: applyTags, summary: 'Follow an application with its tracking code (masked)', params: trackingParam, response: { 200: applicationOut, ...errorResponses } },
      handler: async (request) => trackApplication(deps, request.params.code),
    });

    app.get('/api/v1/registry/applications/track/:code/photos/:fileId', {
      config: { permission: 'public' },
      schema: { tags: applyTags, summary: 'A photo of my application', params: trackFileParams, response: binary },
      handler: async (request, reply) => sendFile(reply, await applicationPhoto(deps, null, { code: request.params.code }, request.params.fileId)),
    });

    app.post('/api/v1/registry/applications/track/:code/resubmit', {
      config: { permission: 'public', rateLimit: registrationLimit },
      schema: { tags: applyTags, summary: 'Resubmit a returned application, corrected', params: trackingParam, body: resubmitIn, response: { 200: applicationOut, ...errorResponses } },
      handler: async (request) => resubmitApplication(deps, commandContext(request), request.params.code, request.body),
    });

    app.get('/api/v1/registry/applications', {
      config: { permission: 'subject.approve' },
      schema: { tags: applyTags, summary: 'Approval inbox of my county (审核)', querystring: applicationListQuery, response: { 200: applicationPage, ...errorResponses } },
      handler: async (request) => listApplications(deps, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/registry/applications/:id', {
      config: { permission: 'subject.approve' },
      schema: {
        tags: applyTags,
        summary: 'One application; the responsible county sees identity number and phone in full (audited)',
        params: idParam,
        response: { 200: applicationOut, ...errorResponses },
      },
      handler: async (request) => applicationDetail(deps, commandContext(request), request.params.id),
    });

    app.get('/api/v1/registry/applications/:id/photos/:fileId', {
      config: { permission: 'subject.approve' },
      schema: { tags: applyTags, summary: 'A photo of an application in my jurisdiction', params: fileParams, response: binary },
      handler: async (request, reply) => sendFile(reply, await applicationPhoto(deps, agencyActorOf(request), { id: request.params.id }, request.params.fileId)),
    });

    app.post('/api/v1/registry/applications/:id/approve', {
      config: { permission: 'subject.approve' },
      schema: { tags: applyTags, summary: 'Approve: the subject gets its identity code and its main account opens', params: idParam, body: approveIn, response: { 200: applicationOut, ...errorResponses } },
      handler: async (request) => decideApplication(deps, commandContext(request), request.params.id, { action: 'approve', claimTemporaryId: request.body?.claimTemporaryId }),
    });

    app.post('/api/v1/registry/applications/:id/return', {
      config: { permission: 'subject.approve' },
      schema: { tags: applyTags, summary: 'Return for correction with an opinion', params: idParam, body: opinionIn, response: { 200: applicationOut, ...errorResponses } },
      handler: async (request) => decideApplication(deps, commandContext(request), request.params.id, { action: 'return', opinion: request.body.opinion }),
    });

    app.post('/api/v1/registry/applications/:id/reject', {
      config: { permission: 'subject.approve' },
      schema: { tags: applyTags, summary: 'Reject with a reason', params: idParam, body: opinionIn, response: { 200: applicationOut, ...errorResponses } },
      handler: async (request) => decideApplication(deps, commandContext(request), request.params.id, { action: 'reject', opinion: request.body.opinion }),
    });

    app.get('/api/v1/registry/subjects', {
      config: { permission: 'subject.read' },
      schema: { tags: subjectTags, summary: 'Subjects of my jurisdiction', querystring: subjectListQuery, response: { 200: subjectPage, ...errorResponses } },
      handler: async (request) => listSubjects(deps, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/registry/subjects.xlsx', {
      config: { permission: 'subject.read' },
      schema: { tags: subjectTags, summary: 'Subjects of my jurisdiction of the same filter as an Excel workbook (at most 10,000 rows, masked; audited)', querystring: subjectFilterQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const actor = agencyActorOf(request);
        const first = await listSubjects(deps, actor, { ...request.query, limit: 1 });
        const rows = await exportRows(first.total!, (cursor, limit) => listSubjects(deps, actor, { ...request.query, cursor, limit }));
        await auditExport(deps.db, commandContext(request), 'registry.subjects', request.query, rows.length);
        return sendSheet(reply, { ascii: 'subjects', zh: '主体清单' }, subjectSheet(rows));
      },
    });

    app.get('/api/v1/registry/subjects/:id', {
      config: { permission: 'subject.read' },
      schema: { tags: subjectTags, summary: 'One subject: registration (masked), certificates, bad records, status history', params: idParam, response: { 200: subjectDetailOut, ...errorResponses } },
      handler: async (request) => subjectDetail(deps, agencyActorOf(request), request.params.id),
    });

    app.get('/api/v1/registry/subjects/:id/history', {
      config: { permission: 'subject.read' },
      schema: { tags: subjectTags, summary: 'A subject of my jurisdiction: the audit entries about it (registration, changes, suspensions, records), newest first', params: idParam, querystring: z.strictObject({ ...pageQuery }), response: { 200: subjectHistoryPage, ...errorResponses } },
      handler: async (request) => subjectHistory(deps, agencyActorOf(request), request.params.id, request.query),
    });

    app.get('/api/v1/registry/subjects/:id/photos/:fileId', {
      config: { permission: 'subject.read' },
      schema: { tags: subjectTags, summary: 'A licence or ID photo of a subject in my jurisdiction', params: fileParams, response: binary },
      handler: async (request, reply) => sendFile(reply, await subjectPhoto(deps, agencyActorOf(request), request.params.id, request.params.fileId)),
    });

    app.post('/api/v1/registry/subjects/:id/suspend', {
      config: { permission: 'subject.supervise' },
      schema: { tags: subjectTags, summary: 'Suspend a subject (its accounts become read-only)', params: idParam, body: statusChangeIn, response: { 200: subjectDetailOut, ...errorResponses } },
      handler: async (request) => setSubjectStatus(deps, commandContext(request), request.params.id, 'suspended', request.body.reason),
    });

    app.post('/api/v1/registry/subjects/:id/restore', {
      config: { permission: 'subject.supervise' },
      schema: { tags: subjectTags, summary: 'Restore a suspended subject', params: idParam, body: statusChangeIn, response: { 200: subjectDetailOut, ...errorResponses } },
      handler: async (request) => setSubjectStatus(deps, commandContext(request), request.params.id, 'active', request.body.reason),
    });

    app.post('/api/v1/registry/subjects/:id/priority-flags', {
      config: { permission: 'subject.supervise' },
      schema: {
        tags: subjectTags,
        summary: 'Set or clear a 重点主体 flag with a reason: 国家级龙头企业 by the ministry, 省级 by the province, 菜篮子 and 规模主体 by the county',
        params: idParam,
        body: priorityFlagIn,
        response: { 200: subjectDetailOut, ...errorResponses },
      },
      handler: async (request) => setPriorityFlag(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/registry/subjects/:id/bad-records', {
      config: { permission: 'subject.supervise' },
      schema: { tags: subjectTags, summary: 'Record bad conduct (不良记录)', params: idParam, body: badRecordIn, response: { 200: subjectDetailOut, ...errorResponses } },
      handler: async (request) => addBadRecord(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/registry/temporary-subjects', {
      config: { permission: 'subject.temporary' },
      schema: {
        tags: subjectTags,
        summary: 'Record an unregistered subject met in the field (主体临时身份码); claimed when it registers',
        body: temporarySubjectIn,
        response: { 200: temporarySubjectOut, ...errorResponses },
      },
      handler: async (request) => recordTemporarySubject(deps, commandContext(request), request.body),
    });

    app.get('/api/v1/registry/change-requests', {
      config: { permission: 'subject.approve' },
      schema: { tags: subjectTags, summary: 'Change requests of my county (变更审核); `subjectId` narrows to one subject (its file)', querystring: changeRequestInboxQuery, response: { 200: changeRequestPage, ...errorResponses } },
      handler: async (request) => changeRequestInbox(deps, agencyActorOf(request), request.query),
    });

    app.post('/api/v1/registry/change-requests/:id/approve', {
      config: { permission: 'subject.approve' },
      schema: { tags: subjectTags, summary: 'Approve a change request: the new data apply at once', params: idParam, body: decideChangeIn, response: { 200: changeRequestOut, ...errorResponses } },
      handler: async (request) => decideChange(deps, commandContext(request), request.params.id, true, request.body?.opinion),
    });

    app.post('/api/v1/registry/change-requests/:id/reject', {
      config: { permission: 'subject.approve' },
      schema: { tags: subjectTags, summary: 'Reject a change request with an opinion', params: idParam, body: opinionIn, response: { 200: changeRequestOut, ...errorResponses } },
      handler: async (request) => decideChange(deps, commandContext(request), request.params.id, false, request.body.opinion),
    });

    app.post('/api/v1/registry/certificates/:id/verify', {
      config: { permission: 'subject.supervise' },
      schema: { tags: subjectTags, summary: 'Mark a certificate verified (or not genuine)', params: idParam, body: certificateVerifyIn, response: { 200: certificateOut, ...errorResponses } },
      handler: async (request) => verifyCertificate(deps, commandContext(request), request.params.id, request.body),
    });

    app.get('/api/v1/registry/identities/:token', {
      config: { permission: 'authenticated' },
      schema: {
        tags: subjectTags,
        summary: 'Resolve a scanned electronic identity (for a signed-in inspector or trader)',
        params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/) }),
        response: { 200: scannedIdentityOut, ...errorResponses },
      },
      handler: async (request) => resolveIdentity(deps, actorOf(request), request.params.token),
    });

    // What a phone opens on scanning the QR: signed-in users go on to the console's view of the subject;
    // anyone else gets a small page saying whether the identity is valid.
    app.get('/e/:token', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const token = String((request.params as { token: string }).token);
      const valid = /^[A-Za-z0-9_-]{16,40}$/.test(token) ? await publicIdentity(deps, token) : null;
      if (valid && request.actor) return reply.redirect(`/identity/${token}`, 302);
      return reply
        .status(valid ? 200 : 404)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderIdentityPage(valid, token));
    });
  };
}

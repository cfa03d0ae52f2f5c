import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_IMAGE_BYTES } from '../../../platform/files/storage.js';
import { actorOf, commandContext, errorBody, errorResponses, subjectActorOf } from '../../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../../platform/http/upload.js';
import { idParam, resetPasswordIn, userOut } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { addCertificate, certificateScan, withdrawCertificate } from './certificate.service.js';
import { myChangeRequests, requestChange } from './change-request.service.js';
import { identityCardPdf, myIdentity, regenerateIdentity } from './identity.service.js';
import { addStaff, listStaff, setStaffStatus } from '../accounts/staff.service.js';
import { listSubjectResetRequests, resetSubjectPassword } from '../accounts/subject-password-reset.service.js';
import { subjectResetRequestList } from '../accounts/recovery.contracts.js';
import {
  certificateIn,
  certificateOut,
  changeRequestIn,
  changeRequestListQuery,
  changeRequestOut,
  changeRequestPage,
  identityOut,
  staffIn,
  staffUpdateIn,
  subjectDetailOut,
  uploadOut,
} from './subject.contracts.js';
import { mySubject, subjectPhoto } from './subject.service.js';

const binary = { 200: z.any().describe('file bytes'), ...errorResponses };

/** What a subject's own accounts do: their subject, its identity, staff, certificates and change requests. */
export function mySubjectRoutes(deps: RegistryDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const mineTags = ['my subject 本主体'];

    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/registry/my-subject/uploads', {
        config: { permission: 'subject.manage' },
        schema: {
          tags: mineTags,
          summary: 'Upload the scan of a certificate (multipart, one file; JPG/PNG by content, ≤ 5 MB)',
          consumes: ['multipart/form-data'],
          response: { 201: uploadOut, 413: errorBody, 415: errorBody, ...errorResponses },
        },
        handler: async (request, reply) => {
          const actor = subjectActorOf(request);
          const { bytes, filename } = await readUpload(request, MAX_IMAGE_BYTES);
          const saved = await deps.files.saveImage(deps.db, bytes, { purpose: 'certificate', regionCode: actor.subject.regionCode, owner: `subject:${actor.subject.id}`, originalName: filename });
          return reply.status(201).send({ fileId: saved.id, mime: saved.mime, size: saved.size });
        },
      });
    });

    app.get('/api/v1/registry/my-subject', {
      config: { permission: 'subject.self' },
      schema: { tags: mineTags, summary: 'The subject I act for', response: { 200: subjectDetailOut, ...errorResponses } },
      handler: async (request) => mySubject(deps, subjectActorOf(request)),
    });

    app.get('/api/v1/registry/my-subject/identity', {
      config: { permission: 'subject.self' },
      schema: { tags: mineTags, summary: 'My electronic identity (电子身份标识): URL and QR', response: { 200: identityOut, ...errorResponses } },
      handler: async (request) => myIdentity(deps, subjectActorOf(request)),
    });

    app.post('/api/v1/registry/my-subject/identity/regenerate', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Issue a new QR; the old one stops working', response: { 200: identityOut, ...errorResponses } },
      handler: async (request) => regenerateIdentity(deps, commandContext(request)),
    });

    app.get('/api/v1/registry/my-subject/identity/card.pdf', {
      config: { permission: 'subject.self' },
      schema: { tags: mineTags, summary: 'The identity card to print (PDF)', response: { ...binary, 503: errorBody } },
      handler: async (request, reply) => {
        const pdf = await identityCardPdf(deps, subjectActorOf(request));
        return reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="identity-card.pdf"').send(pdf);
      },
    });

    app.get('/api/v1/registry/my-subject/photos/:fileId', {
      config: { permission: 'subject.self' },
      schema: { tags: mineTags, summary: 'A licence or ID photo of my subject', params: z.strictObject({ fileId: z.uuid() }), response: binary },
      handler: async (request, reply) => {
        const actor = subjectActorOf(request);
        const file = await deps.files.read(deps.db, await subjectPhoto(deps, actor, actor.subject.id, request.params.fileId));
        return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=3600').send(file.bytes);
      },
    });

    app.get('/api/v1/registry/my-subject/accounts', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'The accounts of my subject, with their user codes', response: { 200: z.object({ items: z.array(userOut) }), ...errorResponses } },
      handler: async (request) => listStaff(deps, subjectActorOf(request)),
    });

    app.post('/api/v1/registry/my-subject/accounts', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Add a staff account (user code .00002 upward)', body: staffIn, response: { 201: userOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await addStaff(deps, commandContext(request), request.body)),
    });

    app.patch('/api/v1/registry/my-subject/accounts/:id', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Disable or enable a staff account', params: idParam, body: staffUpdateIn, response: { 200: userOut, ...errorResponses } },
      handler: async (request) => setStaffStatus(deps, commandContext(request), request.params.id, request.body.status),
    });

    app.get('/api/v1/registry/my-subject/password-reset-requests', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Forgotten-password requests of my staff accounts, oldest first; resetting the password answers one', response: { 200: subjectResetRequestList, ...errorResponses } },
      handler: async (request) => listSubjectResetRequests(deps.db, subjectActorOf(request)),
    });

    app.post('/api/v1/registry/my-subject/accounts/:id/reset-password', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Set a new password for a staff account; the holder must change it at next login', params: idParam, body: resetPasswordIn, response: { 200: userOut, ...errorResponses } },
      handler: async (request) => resetSubjectPassword(deps, commandContext(request), request.params.id, request.body.newPassword),
    });

    app.post('/api/v1/registry/my-subject/certificates', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Attach a certificate (三品一标, 承诺达标) with its scan', body: certificateIn, response: { 201: certificateOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await addCertificate(deps, commandContext(request), request.body)),
    });

    app.post('/api/v1/registry/my-subject/certificates/:id/withdraw', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Withdraw a certificate no longer held', params: idParam, response: { 200: certificateOut, ...errorResponses } },
      handler: async (request) => withdrawCertificate(deps, commandContext(request), request.params.id),
    });

    app.get('/api/v1/registry/certificates/:id/scan', {
      config: { permission: 'authenticated' },
      schema: { tags: mineTags, summary: 'The scan of a certificate (own subject, or officials of its jurisdiction)', params: idParam, response: binary },
      handler: async (request, reply) => {
        const file = await deps.files.read(deps.db, await certificateScan(deps, actorOf(request), request.params.id));
        return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=3600').send(file.bytes);
      },
    });

    app.get('/api/v1/registry/my-subject/change-requests', {
      config: { permission: 'subject.self' },
      schema: { tags: mineTags, summary: 'My change requests, newest first', querystring: changeRequestListQuery, response: { 200: changeRequestPage, ...errorResponses } },
      handler: async (request) => myChangeRequests(deps, subjectActorOf(request), request.query),
    });

    app.post('/api/v1/registry/my-subject/change-requests', {
      config: { permission: 'subject.manage' },
      schema: { tags: mineTags, summary: 'Ask to change registration data (approved again by the county)', body: changeRequestIn, response: { 201: changeRequestOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await requestChange(deps, commandContext(request), request.body)),
    });
  };
}

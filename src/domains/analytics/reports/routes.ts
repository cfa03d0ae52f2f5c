import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, MAX_DOCUMENT_BYTES } from '../../../platform/files/storage.js';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../../platform/http/upload.js';
import { workbookOf, XLSX } from '../../../platform/sheets/workbook.js';
import { regionNamesOf } from '../../registry/index.js';
import {
  attachmentParams,
  attachmentUploadOut,
  documentIn,
  documentOut,
  documentsPage,
  documentsQuery,
  generateIn,
  idParam,
  reportDetailOut,
  reportsPage,
  reportsQuery,
  submissionsOut,
} from './contracts.js';
import { reportPdf, reportSheets, reportTitle } from './report.documents.js';
import {
  acknowledgeReport,
  generateReport,
  listDocuments,
  listReports,
  readDocumentAttachment,
  reportDetail,
  type ReportDeps,
  saveAttachment,
  submissions,
  submitDocument,
  submitReport,
} from './report.service.js';

const tags = ['analytics 信息调度'];
const errors = { ...errorResponses, 422: errorBody };
const download = (name: string, ext: string) => `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;

/** 信息调度 and 总结报告 (issue 16 §4): generated, downloaded, submitted and acknowledged; 实施方案 and progress documents. */
export function reportRoutes(deps: ReportDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const { db } = deps;

    app.post('/api/v1/reports/periodic', {
      config: { permission: 'report.write' },
      schema: { tags, summary: 'Generate the next version of my province’s monthly report or half-year summary, its figures frozen now (audited)', body: generateIn, response: { 201: reportDetailOut, ...errors } },
      handler: async (request, reply) => reply.status(201).send(await generateReport(db, commandContext(request), request.body)),
    });
    app.get('/api/v1/reports/periodic', {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'Periodic reports: a province its own (drafts too), the ministry those submitted; newest first', querystring: reportsQuery, response: { 200: reportsPage, ...errors } },
      handler: async (request) => listReports(db, agencyActorOf(request), request.query),
    });
    app.get('/api/v1/reports/periodic/:id', {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'One periodic report with its sections and figures', params: idParam, response: { 200: reportDetailOut, ...errors } },
      handler: async (request) => reportDetail(db, agencyActorOf(request), request.params.id),
    });
    app.get('/api/v1/reports/periodic/:id/report.xlsx', {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'One periodic report as an Excel workbook', params: idParam, response: { 200: z.any().describe('.xlsx bytes'), ...errors } },
      handler: async (request, reply) => {
        const r = await reportDetail(db, agencyActorOf(request), request.params.id);
        const names = await regionNamesOf(db, [r.regionCode]);
        const bytes = await workbookOf(reportSheets(r, names.get(r.regionCode) ?? r.regionCode));
        return reply.header('content-type', XLSX).header('content-disposition', download(`${reportTitle(r)}-第${r.version}版`, 'xlsx')).send(bytes);
      },
    });
    app.get('/api/v1/reports/periodic/:id/report.pdf', {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'One periodic report as an A4 PDF', params: idParam, response: { 200: z.any().describe('PDF bytes'), ...errors } },
      handler: async (request, reply) => {
        const r = await reportDetail(db, agencyActorOf(request), request.params.id);
        const names = await regionNamesOf(db, [r.regionCode]);
        const bytes = await reportPdf(r, names.get(r.regionCode) ?? r.regionCode);
        return reply.header('content-type', 'application/pdf').header('content-disposition', download(`${reportTitle(r)}-第${r.version}版`, 'pdf')).send(bytes);
      },
    });
    app.post('/api/v1/reports/periodic/:id/submit', {
      config: { permission: 'report.write' },
      schema: { tags, summary: 'Submit the latest version of a report to the ministry (audited)', params: idParam, response: { 200: reportDetailOut, ...errors } },
      handler: async (request) => submitReport(db, commandContext(request), request.params.id),
    });
    app.post('/api/v1/reports/periodic/:id/acknowledge', {
      config: { permission: 'report.acknowledge' },
      schema: { tags, summary: 'Acknowledge a submitted report, as the ministry (audited)', params: idParam, response: { 200: reportDetailOut, ...errors } },
      handler: async (request) => acknowledgeReport(db, commandContext(request), request.params.id),
    });
    app.get('/api/v1/reports/submissions', {
      config: { permission: 'report.acknowledge' },
      schema: { tags, summary: 'Per province: the latest monthly and half-year report submitted, and documents, with when', response: { 200: submissionsOut, ...errors } },
      handler: async () => submissions(db),
    });

    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/reports/documents/attachments', {
        config: { permission: 'report.write' },
        schema: { tags, summary: 'Upload an attachment for a 实施方案 or progress report (multipart, one file; PDF, docx, xlsx, JPG/PNG judged by content, ≤ 20 MB)', consumes: ['multipart/form-data'], response: { 201: attachmentUploadOut, 413: errorBody, 415: errorBody, ...errorResponses } },
        handler: async (request, reply) => {
          const { bytes, filename } = await readUpload(request, MAX_DOCUMENT_BYTES);
          return reply.status(201).send(await saveAttachment(deps, agencyActorOf(request), bytes, filename));
        },
      });
    });
    app.post('/api/v1/reports/documents', {
      config: { permission: 'report.write' },
      schema: { tags, summary: 'Submit a 实施方案 or progress report with its attachments to the ministry (audited)', body: documentIn, response: { 201: documentOut, ...errors } },
      handler: async (request, reply) => reply.status(201).send(await submitDocument(deps, commandContext(request), request.body)),
    });
    app.get('/api/v1/reports/documents', {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'Documents submitted: a province its own, the ministry every province’s; newest first', querystring: documentsQuery, response: { 200: documentsPage, ...errors } },
      handler: async (request) => listDocuments(db, agencyActorOf(request), request.query),
    });
    app.get('/api/v1/reports/documents/:id/attachments/:fileId', {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'An attachment of a submitted document', params: attachmentParams, response: { 200: z.any().describe('file bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const file = await readDocumentAttachment(deps, agencyActorOf(request), request.params.id, request.params.fileId);
        return reply.header('content-type', file.mime).header('content-disposition', attachmentDisposition(file.name)).header('cache-control', 'private, max-age=3600').send(file.bytes);
      },
    });
  };
}

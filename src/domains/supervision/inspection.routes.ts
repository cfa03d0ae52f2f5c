import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_IMAGE_BYTES } from '../../platform/files/storage.js';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../platform/http/upload.js';
import { readFieldPhoto, saveFieldPhoto } from '../../platform/files/field-photos.js';
import { DAY_MS } from '../../platform/china-time.js';
import { checklistFor, saveChecklist } from './checklist.service.js';
import { checklistIn, checklistOut, checklistQuery, idParam, recipientOptionOut, INSPECTION_INDUSTRIES, inspectionIn, inspectionListQuery, inspectionOut, inspectionPage, periodQuery, transferIn, transferListQuery, transferPage, uploadOut } from './contracts.js';
import type { SupervisionDeps } from './deps.js';
import { supervisionError } from './errors.js';
import { inspectionDetail, inspectionsInPeriod, listInspections, photoHeldByInspection } from './inspection.queries.js';
import { recordInspection } from './inspection.service.js';
import { inspectionsWorkbook } from './supervision.sheets.js';
import { fileHeldByTask } from '../tasks/index.js';
import { transferInspection, transferOptions, transfersTo } from './transfer.service.js';
import { XLSX } from '../../platform/sheets/workbook.js';

const errors = { ...errorResponses, 422: errorBody };
const binary = { 200: z.any().describe('file bytes'), ...errorResponses };

/** 基地巡查: checklists, field photos, inspections, follow-ups and transfers to enforcement. */
export function inspectionRoutes(deps: SupervisionDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['supervision 监管业务'];

    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/supervision/photos', {
        config: { permission: 'supervision.task' },
        schema: {
          tags,
          summary: 'Upload a field photo (multipart, one file; JPG/PNG judged by content, ≤ 5 MB)',
          consumes: ['multipart/form-data'],
          response: { 201: uploadOut, 413: errorBody, 415: errorBody, ...errorResponses },
        },
        handler: async (request, reply) => {
          const { bytes, filename } = await readUpload(request, MAX_IMAGE_BYTES);
          return reply.status(201).send(await saveFieldPhoto(deps.files, deps.db, agencyActorOf(request), bytes, filename));
        },
      });
    });

    app.get('/api/v1/supervision/photos/:id', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'A field photo of my jurisdiction, or of an inspection, task or case record I may see', params: idParam, response: binary },
      handler: async (request, reply) => {
        const actor = agencyActorOf(request);
        const holders = [photoHeldByInspection, fileHeldByTask, ...(deps.photoHolders ?? [])];
        const heldBy = async (id: string) => {
          for (const held of holders) if (await held(deps.db, actor, id)) return true;
          return false;
        };
        const file = await readFieldPhoto(deps.files, deps.db, actor, request.params.id, heldBy);
        return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=3600').send(file.bytes);
      },
    });

    app.get('/api/v1/supervision/checklists', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'The checklist of an industry in my province (or `province`), the national one if it has none', querystring: checklistQuery, response: { 200: checklistOut, ...errors } },
      handler: async (request) => checklistFor(deps, agencyActorOf(request), request.query.industry, request.query.province),
    });

    app.put('/api/v1/supervision/checklists/:industry', {
      config: { permission: 'supervision.checklist' },
      schema: { tags, summary: 'Replace my province’s checklist of an industry (province supervision agencies)', params: z.strictObject({ industry: z.enum(INSPECTION_INDUSTRIES) }), body: checklistIn, response: { 200: checklistOut, ...errors } },
      handler: async (request) => saveChecklist(deps, commandContext(request), request.params.industry, request.body.items),
    });

    app.post('/api/v1/supervision/inspections', {
      config: { permission: 'supervision.inspect' },
      schema: {
        tags,
        summary: 'Record a base inspection (基地巡查) of a subject of my jurisdiction',
        description: 'Every item of the industry’s checklist answered; photos uploaded first; a problem may get a rectification deadline; `followUpOf` re-inspects a pending rectification; `taskId` counts it for a task my agency accepted.',
        body: inspectionIn,
        response: { 201: inspectionOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await recordInspection(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/supervision/inspections', {
      config: { permission: 'supervision.read' },
      schema: { tags, summary: 'Inspections of my jurisdiction, newest first (a subject’s past ones with `subjectId`)', querystring: inspectionListQuery, response: { 200: inspectionPage, ...errors } },
      handler: async (request) => listInspections(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/supervision/inspections.xlsx', {
      config: { permission: 'supervision.read' },
      schema: { tags, summary: 'Inspections of my jurisdiction in a period (days in China, both included) as an Excel workbook', querystring: periodQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errors } },
      handler: async (request, reply) => {
        const { from, to } = request.query;
        if (to < from || Date.parse(to) - Date.parse(from) > 366 * DAY_MS) throw supervisionError('PERIOD_INVALID');
        const { rows, cut } = await inspectionsInPeriod(deps.db, agencyActorOf(request), from, to);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="inspections-${from}-${to}.xlsx"; filename*=UTF-8''${encodeURIComponent(`巡查记录-${from}-${to}.xlsx`)}`)
          .header('cache-control', 'no-store')
          .send(await inspectionsWorkbook(rows, { from, to }, cut));
      },
    });

    app.get('/api/v1/supervision/inspections/:id', {
      config: { permission: 'supervision.read' },
      schema: { tags, summary: 'One inspection of my jurisdiction', params: idParam, response: { 200: inspectionOut, ...errors } },
      handler: async (request) => inspectionDetail(deps.db, agencyActorOf(request), request.params.id),
    });

    app.get('/api/v1/supervision/inspections/:id/transfer-options', {
      config: { permission: 'supervision.inspect' },
      schema: { tags, summary: 'The enforcement agencies this inspection’s problem may be transferred to', params: idParam, response: { 200: z.object({ items: z.array(recipientOptionOut) }), ...errors } },
      handler: async (request) => transferOptions(deps, agencyActorOf(request), request.params.id),
    });

    app.post('/api/v1/supervision/inspections/:id/transfer', {
      config: { permission: 'supervision.inspect' },
      schema: { tags, summary: 'Transfer the problem found to an enforcement agency (移交执法)', params: idParam, body: transferIn, response: { 200: inspectionOut, ...errors } },
      handler: async (request) => transferInspection(deps, commandContext(request), request.params.id, request.body),
    });

    app.get('/api/v1/supervision/transfers', {
      config: { permission: 'enforcement.case' },
      schema: {
        tags,
        summary: 'Transfers sent to my enforcement agency (移交收件箱), or with box=jurisdiction all filed in my jurisdiction, newest first',
        description: 'The first page (no cursor) carries `total`: the count of the same filter, capped at 10,000 (`capped`). `region`, `from`, `to` narrow to a region node and the days transferred (China), as the 待受理移交 figures count.',
        querystring: transferListQuery,
        response: { 200: transferPage, ...errors },
      },
      handler: async (request) => transfersTo(deps.db, agencyActorOf(request), request.query),
    });
  };
}

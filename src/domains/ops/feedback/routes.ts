import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_IMAGE_BYTES } from '../../../platform/files/storage.js';
import { actorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../../platform/http/upload.js';
import { XLSX } from '../../../platform/sheets/workbook.js';
import {
  classifyIn,
  confirmIn,
  declineIn,
  feedbackExportQuery,
  feedbackIdParam,
  feedbackIn,
  feedbackListQuery,
  feedbackOut,
  feedbackPage,
  feedbackStatsOut,
  feedbackStatsQuery,
  myFeedbackPage,
  myFeedbackQuery,
  resolveIn,
  revisitIn,
  screenshotParams,
  screenshotUploadOut,
} from './contracts.js';
import { assertPeriod, feedbackDetail, feedbackForExport, feedbackStats, listFeedback, myFeedback } from './feedback.queries.js';
import { classifyFeedback, confirmFeedback, declineFeedback, type FeedbackDeps, fileFeedback, fixFeedback, readScreenshot, revisitFeedback, saveScreenshot } from './feedback.service.js';
import { feedbackWorkbook } from './feedback.sheet.js';

const tags = ['ops 运行维护'];
const errors = { ...errorResponses, 422: errorBody };

/** 系统优化建议: filed by any signed-in account; handled by operations (feedback.handle) and 安全中心 (feedback.confirm). */
export function feedbackRoutes(deps: FeedbackDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/feedback/screenshots', {
        config: { permission: 'feedback.file' },
        schema: { tags, summary: 'Upload a screenshot for a feedback (multipart, one file; JPG/PNG judged by content, ≤ 5 MB)', consumes: ['multipart/form-data'], response: { 201: screenshotUploadOut, 413: errorBody, 415: errorBody, ...errorResponses } },
        handler: async (request, reply) => {
          const { bytes, filename } = await readUpload(request, MAX_IMAGE_BYTES);
          return reply.status(201).send(await saveScreenshot(deps, actorOf(request), bytes, filename));
        },
      });
    });

    app.post('/api/v1/feedback', {
      config: { permission: 'feedback.file' },
      schema: { tags, summary: 'File a suggestion or problem (系统优化建议), with the page it came from and up to 3 screenshots I uploaded', body: feedbackIn, response: { 201: feedbackOut, ...errors } },
      handler: async (request, reply) => reply.status(201).send(await fileFeedback(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/feedback/mine', {
      config: { permission: 'feedback.file' },
      schema: { tags, summary: 'Feedback I filed (我的反馈), newest first', querystring: myFeedbackQuery, response: { 200: myFeedbackPage, ...errors } },
      handler: async (request) => myFeedback(deps.db, actorOf(request), request.query),
    });

    app.get('/api/v1/feedback', {
      config: { permission: 'feedback.handle' },
      schema: { tags, summary: 'All feedback (用户反馈) by state, kind and days filed (China), newest first, with the total', querystring: feedbackListQuery, response: { 200: feedbackPage, ...errors } },
      handler: async (request) => listFeedback(deps.db, request.query),
    });

    app.get('/api/v1/feedback.xlsx', {
      config: { permission: 'feedback.handle' },
      schema: { tags, summary: 'Feedback filed in a period (days in China, both included; at most a year) as an Excel workbook', querystring: feedbackExportQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errors } },
      handler: async (request, reply) => {
        const { from, to } = request.query;
        assertPeriod(from, to);
        const { rows, cut } = await feedbackForExport(deps.db, request.query);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="feedback-${from}-${to}.xlsx"; filename*=UTF-8''${encodeURIComponent(`用户反馈-${from}-${to}.xlsx`)}`)
          .header('cache-control', 'no-store')
          .send(await feedbackWorkbook(rows, cut));
      },
    });

    app.get('/api/v1/feedback/stats', {
      config: { permission: 'feedback.handle' },
      schema: { tags, summary: 'Feedback filed in a period, counted by kind and current state (for the half-year report)', querystring: feedbackStatsQuery, response: { 200: feedbackStatsOut, ...errors } },
      handler: async (request) => feedbackStats(deps.db, request.query.from, request.query.to),
    });

    app.get('/api/v1/feedback/:id', {
      config: { permission: 'feedback.file' },
      schema: { tags, summary: 'One feedback with its timeline (its filer, or a handler)', params: feedbackIdParam, response: { 200: feedbackOut, ...errors } },
      handler: async (request) => feedbackDetail(deps.db, actorOf(request), request.params.id),
    });

    app.get('/api/v1/feedback/:id/screenshots/:fileId', {
      config: { permission: 'feedback.file' },
      schema: { tags, summary: 'A screenshot of a feedback (its filer, or a handler)', params: screenshotParams, response: { 200: z.any().describe('image bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const file = await readScreenshot(deps, actorOf(request), request.params.id, request.params.fileId);
        return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=3600').send(file.bytes);
      },
    });

    const step = { params: feedbackIdParam, response: { 200: feedbackOut, ...errors } };
    app.post('/api/v1/feedback/:id/classify', {
      config: { permission: 'feedback.handle' },
      schema: { tags, summary: 'Classify a filed feedback and propose a solution (operations)', body: classifyIn, ...step },
      handler: async (request) => classifyFeedback(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/feedback/:id/confirm', {
      config: { permission: 'feedback.confirm' },
      schema: { tags, summary: 'Confirm the proposed solution (安全中心; not the person who classified it)', body: confirmIn, ...step },
      handler: async (request) => confirmFeedback(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/feedback/:id/fix', {
      config: { permission: 'feedback.handle' },
      schema: { tags, summary: 'Record a confirmed feedback as fixed, with what was done', body: resolveIn, ...step },
      handler: async (request) => fixFeedback(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/feedback/:id/decline', {
      config: { permission: 'feedback.handle' },
      schema: { tags, summary: 'Decline a confirmed feedback, with the reason', body: declineIn, ...step },
      handler: async (request) => declineFeedback(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/feedback/:id/revisit', {
      config: { permission: 'feedback.handle' },
      schema: { tags, summary: 'Record the revisit (回访) of a fixed or declined feedback: the filer’s satisfaction and words', body: revisitIn, ...step },
      handler: async (request) => revisitFeedback(deps, commandContext(request), request.params.id, request.body),
    });
  };
}

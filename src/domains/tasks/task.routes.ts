import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition, MAX_DOCUMENT_BYTES } from '../../platform/files/storage.js';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../platform/http/upload.js';
import { readTaskAttachment, saveTaskAttachment } from './attachments.js';
import { assignIn, attachmentUploadOut, closeIn, idParam, noteIn, progressIn, recipientOptionOut, recipientOptionsQuery, reportIn, taskIn, taskListQuery, taskOut, taskPage } from './contracts.js';
import type { TasksDeps } from './deps.js';
import { taskProgressWorkbook } from './task.sheet.js';
import { actOnTask, closeTask, publishTask } from './task.service.js';
import { assignableStaff, fileHeldByTask, listTasks, recipientOptions, taskDetail } from './task.queries.js';
import { XLSX } from '../../platform/sheets/workbook.js';

const errors = { ...errorResponses, 422: errorBody };

/** 任务发布与接收: tasks and notices down the tree, each recipient's state, and the publisher's progress view. */
export function taskRoutes(deps: TasksDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['supervision 监管业务'];

    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/supervision/attachments', {
        config: { permission: 'supervision.publish' },
        schema: {
          tags,
          summary: 'Upload an attachment for a task or notice (multipart, one file; PDF, Word docx, Excel xlsx or JPG/PNG judged by content, ≤ 20 MB)',
          description: 'Name its `fileId` in the task’s `attachments` when publishing. The file name is kept (sanitised) for download.',
          consumes: ['multipart/form-data'],
          response: { 201: attachmentUploadOut, 413: errorBody, 415: errorBody, ...errorResponses },
        },
        handler: async (request, reply) => {
          const { bytes, filename } = await readUpload(request, MAX_DOCUMENT_BYTES);
          return reply.status(201).send(await saveTaskAttachment(deps.files, deps.db, agencyActorOf(request), bytes, filename));
        },
      });
    });

    app.get('/api/v1/supervision/attachments/:id', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'Download an attachment of a task or notice I may see, under its file name', params: idParam, response: { 200: z.any().describe('file bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const actor = agencyActorOf(request);
        const file = await readTaskAttachment(deps.files, deps.db, actor, request.params.id, (id) => fileHeldByTask(deps.db, actor, id));
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', attachmentDisposition(file.name))
          .header('cache-control', 'private, max-age=3600')
          .send(file.bytes);
      },
    });

    app.get('/api/v1/supervision/recipient-options', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'The agencies I may send a task of this kind to', querystring: recipientOptionsQuery, response: { 200: z.object({ items: z.array(recipientOptionOut) }), ...errors } },
      handler: async (request) => recipientOptions(deps.db, agencyActorOf(request), request.query.kind),
    });

    app.post('/api/v1/supervision/tasks', {
      config: { permission: 'supervision.publish' },
      schema: {
        tags,
        summary: 'Publish a task or notice (任务发布, 通知公告) to agencies of my jurisdiction',
        description: 'Lower levels, or my own level’s testing and enforcement agencies, of a kind that fits the task. A task needs a deadline not before its start.',
        body: taskIn,
        response: { 201: taskOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await publishTask(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/supervision/tasks', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'My inbox (tasks sent to my agency) or outbox (tasks it published), newest first', querystring: taskListQuery, response: { 200: taskPage, ...errors } },
      handler: async (request) => listTasks(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/supervision/tasks/:id', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'A task with its recipients’ progress (the publisher sees all, a recipient its own) and history', params: idParam, response: { 200: taskOut, ...errors } },
      handler: async (request) => taskDetail(deps.db, agencyActorOf(request), request.params.id),
    });

    app.get('/api/v1/supervision/tasks/:id/progress.xlsx', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'The task’s progress by recipient as an Excel workbook (任务进度.xlsx)', params: idParam, response: { 200: z.any().describe('.xlsx bytes'), ...errors } },
      handler: async (request, reply) => {
        const task = await taskDetail(deps.db, agencyActorOf(request), request.params.id);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="task-progress.xlsx"; filename*=UTF-8''${encodeURIComponent(`任务进度-${task.title}.xlsx`)}`)
          .header('cache-control', 'no-store')
          .send(await taskProgressWorkbook(task));
      },
    });

    app.post('/api/v1/supervision/tasks/:id/accept', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'Accept a task sent to my agency (接收; for a notice: read)', params: idParam, body: noteIn, response: { 200: taskOut, ...errors } },
      handler: async (request) => actOnTask(deps, commandContext(request), request.params.id, 'accept', request.body),
    });

    app.get('/api/v1/supervision/tasks/:id/assignable', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'The accounts of my agency a task it received can be assigned to', params: idParam, response: { 200: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }), ...errors } },
      handler: async (request) => assignableStaff(deps.db, agencyActorOf(request), request.params.id),
    });

    app.post('/api/v1/supervision/tasks/:id/assign', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'Assign staff of my agency to an accepted task (指派)', params: idParam, body: assignIn, response: { 200: taskOut, ...errors } },
      handler: async (request) => actOnTask(deps, commandContext(request), request.params.id, 'assign', request.body),
    });

    app.post('/api/v1/supervision/tasks/:id/progress', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'Report progress (进度): how many done, with a note', params: idParam, body: progressIn, response: { 200: taskOut, ...errors } },
      handler: async (request) => actOnTask(deps, commandContext(request), request.params.id, 'progress', request.body),
    });

    app.post('/api/v1/supervision/tasks/:id/report', {
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'Send the completion report (上报)', params: idParam, body: reportIn, response: { 200: taskOut, ...errors } },
      handler: async (request) => actOnTask(deps, commandContext(request), request.params.id, 'report', request.body),
    });

    app.post('/api/v1/supervision/tasks/:id/close', {
      // supervision.publish is checked by the service: an enforcement agency closes the tasks it commissioned for a case.
      config: { permission: 'supervision.task' },
      schema: { tags, summary: 'Close the task for one recipient (`agencyId`) or for all (the publisher only; a commissioned task by the commissioning agency)', params: idParam, body: closeIn, response: { 200: taskOut, ...errors } },
      handler: async (request) => closeTask(deps, commandContext(request), request.params.id, request.body),
    });
  };
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandContext, errorResponses } from '../../../platform/http/context.js';
import { batchOut, mergeIn, splitIn, transformationIn } from '../contracts.js';
import type { TradeDeps } from './trade.service.js';
import { mergeBatches, recordTransformation, splitBatch } from './transform.service.js';

/** 加工, 拆分, 合并: batches becoming other batches of the same holder. */
export function processingRoutes(deps: TradeDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];

    app.post('/api/v1/trace/transformations', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: '加工: quantities of my input batches become an output batch of one of my products (type-1 code)', body: transformationIn, response: { 201: batchOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await recordTransformation(deps, commandContext(request), request.body)),
    });

    app.post('/api/v1/trace/batches/:id/split', {
      config: { permission: 'trace.write' },
      schema: {
        tags,
        summary: '拆分: parts of a batch’s free stock become batches of their own',
        params: z.strictObject({ id: z.uuid() }),
        body: splitIn,
        response: { 201: z.object({ parent: batchOut, parts: z.array(batchOut) }), ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await splitBatch(deps, commandContext(request), request.params.id, request.body.parts)),
    });

    app.post('/api/v1/trace/batches/merge', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: '合并: the whole free stock of several of my batches of one product becomes one batch', body: mergeIn, response: { 201: batchOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await mergeBatches(deps, commandContext(request), request.body.batchIds)),
    });
  };
}

import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { commandContext, errorBody, errorResponses, subjectActorOf } from '../../../platform/http/context.js';
import { printCertificate } from '../labels/label.service.js';
import { CERTIFICATE_LAYOUTS, LABEL_FORMATS, MAX_COPIES } from '../labels/label.shared.js';
import { batchCertificatesOut, certificateIn, certificateNumber, certificateOut, publicCertificateOut } from './certificate.contracts.js';
import { batchCertificates, issueCertificateCommand, ownCertificate, publicCertificate } from './certificate.service.js';

const refusals =
  'A batch whose self-check failed gets 409 SELF_CHECK_FAILED; a quantity above the batch 400 QUANTITY_ABOVE_BATCH; a testing basis whose testedItems miss a pesticide or veterinary drug recorded on the batch or the batches it came from 409 CERTIFICATE_TESTS_MISS_INPUTS (details.missing); testedItems with another basis 400 TESTED_ITEMS_WITHOUT_TEST.';

const printQuery = z
  .strictObject({
    format: z.enum(LABEL_FORMATS).default('pdf'),
    layout: z.enum(CERTIFICATE_LAYOUTS).optional().describe('default a4 for PDF, roll-104 otherwise'),
    copies: z.coerce.number().int().min(1).max(MAX_COPIES).optional(),
  })
  .refine((q) => !(q.format === 'zpl' && q.layout === 'a4'), { message: 'ZPL is for thermal printers: choose a roll layout', path: ['layout'] });

/** 承诺达标合格证 as records: issuing into the register, a batch's issued and received ones, copies, and the public check. */
export function certificateRoutes(deps: { db: Db; config: Config; pii: Pii }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];
    const id = z.strictObject({ id: z.uuid() });
    const number = z.strictObject({ number: certificateNumber });

    app.post('/api/v1/trace/batches/:id/certificates', {
      config: { permission: 'trace.write' },
      schema: {
        tags,
        summary: '开具承诺达标合格证: one certificate of my batch into the register (producer, or purchaser for goods bought, mixed or repacked)',
        description: `Under 农业农村部令 2025 年第 4号 (see certificate.rules.ts for the articles read). A purchaser's certificate names the certificates received with the goods (sources). ${refusals}`,
        params: id,
        body: certificateIn,
        response: { 201: certificateOut, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await issueCertificateCommand(deps, commandContext(request), request.params.id, request.body)),
    });

    app.get('/api/v1/trace/batches/:id/certificates', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: '合格证记录 of my batch: the certificates issued on it and those received with the goods it was made of (收取)',
        params: id,
        response: { 200: batchCertificatesOut, ...errorResponses },
      },
      handler: async (request) => batchCertificates(deps, subjectActorOf(request), request.params.id),
    });

    app.get('/api/v1/trace/certificates/:number/file', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: 'A copy of a certificate I issued, as PDF, PNG, SVG or ZPL: the same certificate, counted in its prints',
        params: number,
        querystring: printQuery,
        response: { 200: z.any().describe('the file'), ...errorResponses, 503: errorBody },
      },
      handler: async (request, reply) => {
        const q = request.query;
        const cert = await ownCertificate(deps, subjectActorOf(request), request.params.number);
        const f = await printCertificate(deps, cert, { ...q, layout: q.layout ?? (q.format === 'pdf' ? 'a4' : 'roll-104') });
        return reply.header('content-type', f.contentType).header('content-disposition', `${f.disposition}; filename="${f.filename}"`).header('cache-control', 'private, no-store').send(f.body);
      },
    });

    await app.register(async (pub: FastifyInstance) => {
      const open = pub.withTypeProvider<ZodTypeProvider>();
      await open.register(fastifyRateLimit, { global: false, addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false } });
      open.get('/api/v1/public/certificates/:number', {
        config: { permission: 'public', rateLimit: { max: deps.config.publicRateLimit, timeWindow: 60_000 } },
        schema: {
          tags: ['public trace 消费查询'],
          summary: '查验: a 承诺达标合格证 by its number — product, quantity, basis, tested items, issuer (producer or purchaser) and the certificates it rests on',
          params: number,
          response: { 200: publicCertificateOut, ...errorResponses },
        },
        handler: async (request) => publicCertificate(deps, request.params.number),
      });
    });
  };
}

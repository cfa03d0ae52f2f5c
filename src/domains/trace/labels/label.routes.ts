import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { errorBody, errorResponses, subjectActorOf } from '../../../platform/http/context.js';
import type { RenderedFile } from './label.render.js';
import { batchCertificate, batchLabel, marketEntryVoucher } from './label.service.js';
import { CERTIFICATE_BASES, CERTIFICATE_LAYOUTS, LABEL_FORMATS, LABEL_LAYOUTS, MAX_COPIES, type LabelFormat } from './label.shared.js';
import { VOUCHER_FORMATS } from './label.voucher.js';
import { testedItemsIn } from '../certificates/certificate.contracts.js';

const copies = z.coerce.number().int().min(1).max(MAX_COPIES).optional().describe(`how many labels (1–${MAX_COPIES}); PDF and ZPL only. Default: one A4 sheet, or one roll label`);
const format = z.enum(LABEL_FORMATS).default('pdf');
/** ZPL drives a thermal printer: a roll layout only. */
const rollForZpl = (q: { format: LabelFormat; layout?: string | undefined }) => !(q.format === 'zpl' && q.layout === 'a4');
const zplMessage = { message: 'ZPL is for thermal printers: choose a roll layout (roll-40x30, roll-60x40, roll-104)', path: ['layout'] };

const labelQuery = z
  .strictObject({
    format,
    layout: z.enum(LABEL_LAYOUTS).optional().describe('default a4 for PDF, roll-60x40 otherwise; roll-104 is 104×60 mm'),
    copies,
  })
  .refine(rollForZpl, zplMessage);
const certificateQuery = z
  .strictObject({
    format,
    layout: z.enum(CERTIFICATE_LAYOUTS).optional().describe('default a4 for PDF, roll-104 otherwise'),
    copies,
    quantity: z.coerce.number().positive().max(1e9).optional().describe('数量(重量): default the batch quantity, never more'),
    basis: z.enum(CERTIFICATE_BASES).optional().describe('承诺依据: default self_test after a passed self-check (internal_control when the batch records pesticides or veterinary drugs and no testedItems are given), else self_commitment'),
    testedItems: z
      .string()
      .max(2000)
      .optional()
      .transform((s) => s?.split(/[,，、]/).map((t) => t.trim()).filter(Boolean))
      .pipe(testedItemsIn.optional())
      .describe('检测项目 for a testing basis, separated by commas or 、: must cover every pesticide and veterinary drug recorded on the batch and those it came from'),
  })
  .refine(rollForZpl, zplMessage);
const voucherQuery = z.strictObject({ format: z.enum(VOUCHER_FORMATS).default('pdf') });

const id = z.strictObject({ id: z.uuid() });
const file = { 200: z.any().describe('the file: application/pdf, image/png, image/svg+xml or ZPL text'), ...errorResponses, 503: errorBody };

function send(reply: FastifyReply, f: RenderedFile) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `${f.disposition}; filename="${f.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(f.body);
}

/** Labels (追溯标签), 承诺达标合格证 and 入市追溯凭证, as PDF, PNG, SVG or ZPL. */
export function labelRoutes(deps: { db: Db; config: Config; pii: Pii }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];

    app.get('/api/v1/trace/batches/:id/label', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: 'The batch’s label: QR of its trace URL (GS1 Digital Link with a GTIN), code, product, specification, subject, date',
        description: 'PDF: a4 fills a 21-up sheet (3 × 7 labels of 63.5 × 38.1 mm), copies run onto further sheets; a roll layout is one label per page of its size. PNG (203 dpi for rolls, 300 for a4) and SVG are one label. ZPL is for 203-dpi thermal printers with a CJK font loaded as E:SIMSUN.TTF.',
        params: id,
        querystring: labelQuery,
        response: file,
      },
      handler: async (request, reply) => {
        const q = request.query;
        return send(reply, await batchLabel(deps, subjectActorOf(request), request.params.id, { ...q, layout: q.layout ?? (q.format === 'pdf' ? 'a4' : 'roll-60x40') }));
      },
    });

    app.get('/api/v1/trace/batches/:id/certificate', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: 'The batch’s 承诺达标合格证 carrying its trace code and QR (证码融合)',
        description: 'Issues the certificate into the register and prints it (the same terms the same day print that certificate again). Laid out after the MARA certificate template. PDF a4 fills an 8-up sheet (2 × 4 of 99.1 × 67.7 mm). A batch whose self-check failed gets 409 SELF_CHECK_FAILED; a quantity above the batch 400 QUANTITY_ABOVE_BATCH; a testing basis whose testedItems miss a recorded pesticide or veterinary drug 409 CERTIFICATE_TESTS_MISS_INPUTS.',
        params: id,
        querystring: certificateQuery,
        response: file,
      },
      handler: async (request, reply) => {
        const q = request.query;
        return send(reply, await batchCertificate(deps, subjectActorOf(request), request.params.id, { ...q, layout: q.layout ?? (q.format === 'pdf' ? 'a4' : 'roll-104') }));
      },
    });

    app.get('/api/v1/trace/market-entries/:id/voucher', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: 'The 入市追溯凭证 of a market entry (104 × 60 mm), for its seller and a registered market',
        params: id,
        querystring: voucherQuery,
        response: file,
      },
      handler: async (request, reply) => send(reply, await marketEntryVoucher(deps, subjectActorOf(request), request.params.id, request.query.format)),
    });
  };
}

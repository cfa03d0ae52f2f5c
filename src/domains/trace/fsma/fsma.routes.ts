import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, commandContext, errorResponses } from '../../../platform/http/context.js';
import { auditExport } from '../../../platform/sheets/list-export.js';
import { XLSX, workbookOf } from '../../../platform/sheets/workbook.js';
import { MAX_TRACE_DEPTH } from '../graph/trace-graph.contracts.js';
import { traceGraph, type TraceGraphDeps } from '../graph/trace-graph.service.js';
import { chainFacts } from './fsma.queries.js';
import { FSMA_COLUMNS, fsmaRows, NOT_HELD, type FsmaRow } from './fsma.sheet.js';
import { lotsOfClassInPeriod } from './fsma-period.queries.js';
import { traceError } from '../errors.js';
import { httpError } from '../../../platform/http/errors.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { TraceGraphOut } from '../graph/trace-graph.contracts.js';

/** The sheet as `.csv`, or as `.xlsx` with its "About" sheet citing each column and listing what Tracenet does not hold. */
async function sendSheet(reply: FastifyReply, rows: FsmaRow[], name: string, format: 'xlsx' | 'csv') {
  void reply.header('content-disposition', `attachment; filename="${name}.${format}"`).header('cache-control', 'no-store');
  if (format === 'csv') {
    const csv = stringify(rows, { header: true, bom: true, columns: FSMA_COLUMNS.map((c) => ({ key: c.key, header: c.header })) });
    return reply.header('content-type', 'text/csv; charset=utf-8').send(csv);
  }
  const about = [
    ...FSMA_COLUMNS.map((c) => ({ what: c.header, source: c.source })),
    { what: '', source: '' },
    ...NOT_HELD.map((text) => ({ what: 'Not held by Tracenet (left empty)', source: text })),
    { what: 'Dates', source: 'Days in China Standard Time (UTC+8). Shipping is the day the seller recorded the sale; receiving the day the receipt was recorded.' },
  ];
  return reply.header('content-type', XLSX).send(
    await workbookOf([
      { name: 'FSMA 204', columns: FSMA_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })), rows },
      { name: 'About', columns: [{ header: 'Column', key: 'what', width: 40 }, { header: 'Source (21 CFR part 1 subpart S)', key: 'source', width: 100 }], rows: about },
    ]),
  );
}

/** Most lots one class-and-period sheet covers: each costs two trace reads, and the sheet comes within seconds. */
export const FSMA_PERIOD_LOTS = 200;
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Two trace reads (one hop each way) of every lot, a few at a time, as one graph. */
async function neighbourhoods(deps: TraceGraphDeps, actor: Actor, ids: string[]) {
  const graphs: TraceGraphOut[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    const slice = ids.slice(i, i + 8).flatMap((id) => (['backward', 'forward'] as const).map((direction) => traceGraph(deps, actor, id, { direction, depth: 1 })));
    graphs.push(...(await Promise.all(slice)));
  }
  return graphs;
}

/**
 * FSMA 204 (issue 18 §3): a lot's whole chain (both directions, the caller's view of it, as the trace graph gives it)
 * as the FDA's electronic sortable spreadsheet, `.xlsx` or `.csv`. An exporter answers an FDA request within seconds.
 */
export function fsmaRoutes(deps: TraceGraphDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/trace/batches/:id/fsma204', {
      config: { permission: 'trace.graph' },
      schema: {
        tags: ['trace 追溯'],
        summary: 'The US FDA FSMA 204 electronic sortable spreadsheet of a lot’s chain (21 CFR 1.1455(c)(3)(ii)): one row per critical tracking event',
        description:
          'Both directions of the trace graph, as the caller may see it (`/trace`), one row per CTE with its key data elements (21 CFR 1.1325–1.1350); ' +
          'the sheet “About” cites the paragraph behind each column and lists the elements Tracenet does not hold, left empty. Audited as an export.',
        params: z.strictObject({ id: z.uuid() }),
        querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 200: z.any().describe('.xlsx or .csv bytes'), ...errorResponses },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const [back, forth] = await Promise.all(
          (['backward', 'forward'] as const).map((direction) => traceGraph(deps, actor, request.params.id, { direction, depth: MAX_TRACE_DEPTH })),
        );
        const nodes = [...new Map([...back!.nodes, ...forth!.nodes].map((n) => [n.id, n])).values()];
        const edges = [...new Map([...back!.edges, ...forth!.edges].map((e) => [`${e.from}>${e.to}`, e])).values()];
        const facts = await chainFacts(deps.db, nodes.map((n) => n.id), [...new Set(nodes.map((n) => n.classCode))]);
        const rows = fsmaRows(nodes, edges, facts);
        const root = nodes.find((n) => n.id === request.params.id)!;
        await auditExport(deps.db, commandContext(request), 'trace.fsma204', { batchId: root.id, code: root.code, format: request.query.format }, rows.length);
        return sendSheet(reply, rows, `fsma204-${root.code}`, request.query.format);
      },
    });

    app.get('/api/v1/trace/fsma204', {
      config: { permission: 'trace.graph' },
      schema: {
        tags: ['trace 追溯'],
        summary: 'The FSMA 204 sortable spreadsheet of a product class (and the classes under it) over a period: the critical tracking events of its lots',
        description:
          `The lots of the class recorded in the period (China days, at most 366) that the caller may trace (an agency: its jurisdiction; a producer or trader: its own), at most ${FSMA_PERIOD_LOTS}, ` +
          'each with its shipments, receipts and transformations one step either way; rows dated within the period. Audited as an export.',
        querystring: z.strictObject({ classCode: z.string().regex(/^\d{2,12}$/), from: DAY, to: DAY, format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 200: z.any().describe('.xlsx or .csv bytes'), ...errorResponses },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { classCode, from, to, format } = request.query;
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        if (!(days >= 0 && days <= 366)) throw httpError('VALIDATION_FAILED', { field: 'to', reason: 'from ≤ to, at most 366 days' });
        const lots = await lotsOfClassInPeriod(deps.db, actor, { classCode, from, to }, FSMA_PERIOD_LOTS);
        if (lots.length > FSMA_PERIOD_LOTS) throw traceError('FSMA_TOO_MANY_LOTS', { limit: FSMA_PERIOD_LOTS });
        const graphs = await neighbourhoods(deps, actor, lots);
        const nodes = [...new Map(graphs.flatMap((g) => g.nodes).map((n) => [n.id, n])).values()];
        const edges = [...new Map(graphs.flatMap((g) => g.edges).map((e) => [`${e.from}>${e.to}`, e])).values()];
        const facts = await chainFacts(deps.db, nodes.map((n) => n.id), [...new Set(nodes.map((n) => n.classCode))]);
        // A neighbour's own harvest is another lot's event: only the period's lots and the events dated in it are rows.
        const inPeriod = new Set(lots);
        const ownCodes = new Set(nodes.filter((n) => inPeriod.has(n.id)).map((n) => n.code));
        const rows = fsmaRows(nodes, edges, facts).filter((r) => String(r.date) >= from && String(r.date) <= to && (!['Harvesting', 'Initial packing'].includes(String(r.cte)) || ownCodes.has(String(r.tlc))));
        await auditExport(deps.db, commandContext(request), 'trace.fsma204', { classCode, from, to, lots: lots.length, format }, rows.length);
        return sendSheet(reply, rows, `fsma204-${classCode}-${from}-${to}`, format);
      },
    });
  };
}

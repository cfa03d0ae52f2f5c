import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, commandContext, errorResponses } from '../../../platform/http/context.js';
import { auditExport } from '../../../platform/sheets/list-export.js';
import { XLSX, workbookOf } from '../../../platform/sheets/workbook.js';
import { MAX_TRACE_DEPTH } from '../graph/trace-graph.contracts.js';
import { traceGraph, type TraceGraphDeps } from '../graph/trace-graph.service.js';
import { chainFacts } from './fsma.queries.js';
import { FSMA_COLUMNS, fsmaRows, NOT_HELD } from './fsma.sheet.js';

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
        const name = `fsma204-${root.code}`;
        void reply.header('content-disposition', `attachment; filename="${name}.${request.query.format}"`).header('cache-control', 'no-store');
        if (request.query.format === 'csv') {
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
      },
    });
  };
}

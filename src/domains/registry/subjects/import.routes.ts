import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { readUpload, uploadRoutes } from '../../../platform/http/upload.js';
import { XLSX } from '../../../platform/sheets/workbook.js';
import type { RegistryDeps } from '../deps.js';
import { importResultOut } from './import.contracts.js';
import { countyImportTemplate, importSubjects } from './import.service.js';
import { IMPORT_MAX_BYTES } from './import.template.js';

/** 批量导入: a county registers many subjects from one Excel file. */
export function importRoutes(deps: RegistryDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['registration 主体注册申请'];

    app.get('/api/v1/registry/imports/template.xlsx', {
      config: { permission: 'subject.approve' },
      schema: {
        tags,
        summary: 'The Excel template of the bulk import (批量导入模板), with my county\u2019s township codes',
        response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses },
      },
      handler: async (request, reply) => {
        const bytes = await countyImportTemplate(deps, commandContext(request));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="subject-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('主体批量导入模板.xlsx')}`)
          .header('cache-control', 'no-store')
          .send(bytes);
      },
    });

    // Multipart is parsed only in this scope (platform/http/upload.ts).
    await uploadRoutes(root, (scope) => {
      scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/registry/imports', {
        config: { permission: 'subject.approve' },
        schema: {
          tags,
          summary: 'Import subjects of my county from the filled template (multipart, one .xlsx ≤ 10 MB); all rows or none',
          description:
            'Every row is checked by the rules of the online registration. If any row is wrong, nothing is written and the answer is 422 ' +
            'IMPORT_ROWS_INVALID with details.rows = [{ row, problems: [{ field, code, message: { zh, en } }] }] (at most 500 rows; ' +
            'details.badRowCount is the total). Otherwise every row becomes an active subject with a main account, and the answer ' +
            'carries the initial passwords once (JSON and a base64 .xlsx); they are not stored.',
          consumes: ['multipart/form-data'],
          response: { 201: importResultOut, 413: errorBody, 415: errorBody, 422: errorBody, ...errorResponses },
        },
        handler: async (request, reply) => {
          const { bytes, filename } = await readUpload(request, IMPORT_MAX_BYTES);
          const result = await importSubjects(deps, commandContext(request), bytes, filename);
          return reply.status(201).header('cache-control', 'no-store').send(result);
        },
      });
    });
  };
}

import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fileError } from '../files/storage.js';
import { AppError, httpError } from './errors.js';

/**
 * Reads the one file of a multipart request (field name free) into memory, refusing it past `maxBytes`
 * with the same FILE_TOO_LARGE error the storage gives, rather than the multipart plugin's own.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) throw httpError('VALIDATION_FAILED', { issues: [{ where: 'body', message: 'send the file as multipart/form-data' }] });
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5 } });
    if (!part) throw fileError('FILE_EMPTY');
    const bytes = await part.toBuffer();
    return { bytes, filename: part.filename };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileError('FILE_TOO_LARGE', { maxBytes });
    // Whatever else the parser stumbles on (a body cut before its closing boundary, a broken header) is the
    // client's body, not our fault: 400 with a code of its own rather than a 500 (issue 19).
    throw httpError('MULTIPART_MALFORMED', { reason: err instanceof Error ? err.message.slice(0, 200) : 'unreadable' });
  }
}

/**
 * Registers routes that take a file in a scope of their own where multipart bodies are parsed. Everywhere else
 * multipart stays an unsupported media type: a JSON route whose body may be empty (logout) must not accept a
 * form post as "no body".
 */
export async function uploadRoutes(app: FastifyInstance, register: (scope: FastifyInstance) => void | Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart);
    await register(scope);
  });
}

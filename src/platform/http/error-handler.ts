import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pgErrorCode } from '../db/rows.js';
import { AppError, httpError } from './errors.js';

const PG_UNIQUE_VIOLATION = '23505';

export function toAppError(err: FastifyError & { cause?: unknown }): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      where: err.validationContext,
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message ?? 'invalid',
    }));
    return httpError('VALIDATION_FAILED', { issues });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpError('BAD_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return httpError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_VALIDATION':
      return httpError('VALIDATION_FAILED', { issues: [{ message: err.message }] });
  }
  const pgCode = pgErrorCode(err);
  if (pgCode === PG_UNIQUE_VIOLATION) return httpError('CONFLICT');
  // Class 22 (data exception): a value the database cannot read as its column's type, e.g. in a cursor.
  if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) return httpError('VALIDATION_FAILED', { issues: [{ message: 'a value has the wrong form' }] });
  if (err instanceof SyntaxError && err.statusCode === 400) return httpError('BAD_JSON');
  if (err.statusCode === 429) return httpError('RATE_LIMITED');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return httpError('BAD_REQUEST', { reason: err.message });
  return httpError('INTERNAL');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'unhandled error');
    else request.log.info({ code: appError.code }, 'request refused');
    void reply.status(appError.status).send({ ...appError.toBody(), details: { ...appError.details, requestId: request.id } });
  });
}

import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toAppError } from '../../../platform/http/error-handler.js';
import { defineErrors } from '../../../platform/http/errors.js';

export const epcisError = defineErrors({
  EPCIS_VALIDATION: {
    status: 400,
    zh: (d) => `EPCIS 文档不符合 EPCIS 2.0 / CBV 2.0 标准${problemSuffix(d)}`,
    en: (d) => `The EPCIS document breaks EPCIS 2.0 / CBV 2.0${problemSuffix(d)}`,
  },
  EPCIS_QUERY_PARAMETER: { status: 400, zh: (d) => `查询参数无效：${String(d.parameter ?? '')}`, en: (d) => `Invalid query parameter: ${String(d.parameter ?? '')}` },
  EPCIS_CAPTURE_LIMIT: { status: 413, zh: (d) => `一次报送最多 ${String(d.limit)} 个事件`, en: (d) => `A capture holds at most ${String(d.limit)} events` },
  EPCIS_FILE_SIZE_LIMIT: { status: 413, zh: (d) => `报送文档最大 ${String(d.limit)} 字节`, en: (d) => `A capture document is at most ${String(d.limit)} bytes` },
  EPCIS_EVENT_ID_TAKEN: {
    status: 409,
    zh: (d) => `事件标识 ${String(d.eventID)} 已用于另一个内容不同的事件`,
    en: (d) => `The eventID ${String(d.eventID)} is already used by a different event`,
  },
  EPCIS_NO_SUCH_EVENT: { status: 404, zh: '事件不存在或不在您的查看范围内', en: 'No such event, or it is not yours to read' },
  EPCIS_NO_SUCH_CAPTURE: { status: 404, zh: '报送任务不存在', en: 'No such capture job' },
  EPCIS_NO_SUCH_QUERY: { status: 404, zh: (d) => `没有名为“${String(d.name)}”的命名查询`, en: (d) => `No named query called “${String(d.name)}”` },
  EPCIS_QUERY_NAME_TAKEN: { status: 409, zh: (d) => `命名查询“${String(d.name)}”已存在，请换一个名称`, en: (d) => `A named query called “${String(d.name)}” exists already; choose another name` },
  EPCIS_NO_SUCH_SUBSCRIPTION: { status: 404, zh: '订阅不存在', en: 'No such subscription' },
  EPCIS_SUBSCRIPTION: { status: 400, zh: (d) => `订阅设置无效：${String(d.field ?? '')}`, en: (d) => `Invalid subscription: ${String(d.field ?? '')}` },
  EPCIS_VERSION: { status: 406, zh: '本服务支持 EPCIS 2.0 与 CBV 2.0', en: 'This server speaks EPCIS 2.0 and CBV 2.0' },
  EPCIS_MEDIA_TYPE: { status: 415, zh: '报送内容类型应为 application/json 或 application/ld+json', en: 'Send application/json or application/ld+json' },
});

function problemSuffix(d: Record<string, unknown>): string {
  const first = (d.problems as { event: number; field: string; reason: string }[] | undefined)?.[0];
  if (!first) return '';
  return first.event >= 0 ? `: event ${first.event + 1}, ${first.field} — ${first.reason}` : `: ${first.field} — ${first.reason}`;
}

/** The EPCIS 2.0 REST binding's exception names (its OpenAPI, "type" of the problem), by our error code. */
const EXCEPTION: Record<string, string> = {
  EPCIS_VALIDATION: 'ValidationException',
  EPCIS_QUERY_PARAMETER: 'QueryParameterException',
  VALIDATION_FAILED: 'QueryParameterException',
  EPCIS_CAPTURE_LIMIT: 'CaptureLimitExceededException',
  EPCIS_FILE_SIZE_LIMIT: 'CaptureLimitExceededException',
  PAYLOAD_TOO_LARGE: 'CaptureLimitExceededException',
  EPCIS_EVENT_ID_TAKEN: 'ValidationException',
  EPCIS_NO_SUCH_EVENT: 'NoSuchResourceException',
  EPCIS_NO_SUCH_CAPTURE: 'NoSuchResourceException',
  NOT_FOUND: 'NoSuchResourceException',
  EPCIS_NO_SUCH_QUERY: 'NoSuchNameException',
  EPCIS_QUERY_NAME_TAKEN: 'ValidationException',
  EPCIS_NO_SUCH_SUBSCRIPTION: 'NoSuchSubscriptionException',
  EPCIS_SUBSCRIPTION: 'SubscriptionControlsException',
  EPCIS_VERSION: 'NotAcceptableException',
  EPCIS_MEDIA_TYPE: 'UnsupportedMediaTypeException',
  UNSUPPORTED_MEDIA_TYPE: 'UnsupportedMediaTypeException',
  BAD_JSON: 'ValidationException',
  UNAUTHENTICATED: 'SecurityException',
  FORBIDDEN: 'SecurityException',
};

export const PROBLEM_JSON = 'application/problem+json';

/** A refusal's body: RFC 7807 fields with the house error's beside them. */
export const problemBody = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  instance: z.string(),
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  details: z.record(z.string(), z.unknown()),
});
export const problemResponses = { 400: problemBody, 401: problemBody, 403: problemBody, 404: problemBody, 406: problemBody, 409: problemBody, 413: problemBody, 415: problemBody };

/**
 * Refusals of the EPCIS routes as RFC 7807 problem+json (EPCIS 2.0 §12.2: `type`, `title`, `status`, `detail`), which
 * also carry the house error's `code`, `message` and `details` (every error is first made the house's one, as the
 * application's handler does).
 */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const err = raw.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? epcisError('EPCIS_FILE_SIZE_LIMIT', { limit: request.routeOptions.bodyLimit }) : toAppError(raw);
    const exception = EXCEPTION[err.code] ?? (err.status >= 500 ? 'ImplementationException' : 'ValidationException');
    if (err.status >= 500) request.log.error({ err: raw }, 'unhandled error');
    else request.log.info({ code: err.code }, 'request refused');
    void reply
      .status(err.status)
      .type(PROBLEM_JSON)
      .send({
        type: `epcisException:${exception}`,
        title: err.messages.en,
        status: err.status,
        detail: err.messages.zh,
        instance: request.url.split('?')[0],
        code: err.code,
        message: err.messages,
        details: { ...err.details, requestId: request.id },
      });
  });
}

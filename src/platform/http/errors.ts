export type Messages = { zh: string; en: string };
type MessageDef = string | ((details: Record<string, unknown>) => string);
export type ErrorDef = { status: number; zh: MessageDef; en: MessageDef };

/** The one error type. Everything a client sees as an error is `{ code, message: { zh, en }, details }`. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: Messages;
  readonly details: Record<string, unknown>;

  constructor(code: string, status: number, messages: Messages, details: Record<string, unknown> = {}) {
    super(`${code}: ${messages.en}`);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.messages = messages;
    this.details = details;
  }

  toBody() {
    return { code: this.code, message: this.messages, details: this.details };
  }
}

/**
 * Each domain declares its codes once (errors.ts) and raises them by name, so codes stay stable and every
 * one has a Chinese and an English message.
 */
export function defineErrors<T extends Record<string, ErrorDef>>(defs: T) {
  return function raise(code: keyof T & string, details: Record<string, unknown> = {}): AppError {
    const def = defs[code]!;
    const render = (m: MessageDef) => (typeof m === 'function' ? m(details) : m);
    return new AppError(code, def.status, { zh: render(def.zh), en: render(def.en) }, details);
  };
}

export const httpError = defineErrors({
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  BAD_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, zh: '请求无法处理', en: 'The request cannot be processed' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  NOT_FOUND: { status: 404, zh: '资源不存在', en: 'Not found' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录或密码被重置后，请先修改密码',
    en: 'Change your password first (first login or after a reset)',
  },
  CSRF_FAILED: {
    status: 403,
    zh: '缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token）',
    en: 'Missing or wrong CSRF token (header X-CSRF-Token)',
  },
  CONFLICT: { status: 409, zh: '数据冲突，请刷新后重试', en: 'Conflicting data; refresh and try again' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: 'Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    zh: '相同 Idempotency-Key 的请求正在处理，请稍后重试',
    en: 'A request with the same Idempotency-Key is being processed; retry shortly',
  },
  IDEMPOTENCY_SECRET_WITHHELD: {
    status: 409,
    zh: '相同幂等键的请求已完成；其结果中的密钥只显示一次，不再重放。如已丢失，请撤销后重新创建',
    en: 'The request with this Idempotency-Key was carried out; the secret in its answer is shown only once and is not replayed. If it was lost, revoke it and create another',
  },
  MULTIPART_MALFORMED: {
    status: 400,
    zh: '上传的文件内容不完整或格式错误，请重新上传',
    en: 'The uploaded multipart body is incomplete or malformed; upload the file again',
  },
  BAD_CURSOR: { status: 400, zh: '分页游标无效', en: 'Invalid pagination cursor' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  SERVER_BUSY: { status: 503, zh: '服务器繁忙，请稍后再试', en: 'The server is busy; try again shortly' },
  INTERNAL: { status: 500, zh: '服务器内部错误，已记录', en: 'Internal server error; it has been logged' },
});

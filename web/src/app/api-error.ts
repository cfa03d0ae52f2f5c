import type { ErrorBody } from './types';

/** An error answered by the API (`{code, message:{zh,en}, details}`), or a network failure (code NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: { zh: string; en: string };
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ErrorBody) {
    super(`${body.code}: ${body.message.en}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messages = body.message;
    this.details = body.details ?? {};
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const m = v.message as Record<string, unknown> | undefined;
  return typeof v.code === 'string' && !!m && typeof m.zh === 'string' && typeof m.en === 'string';
}

export const networkError = (status: number, statusText: string) =>
  new ApiError(status, {
    code: status === 0 ? 'NETWORK' : 'HTTP_' + status,
    message: {
      zh: status === 0 ? '无法连接服务器，请检查网络' : `服务器返回 ${status} ${statusText}`,
      en: status === 0 ? 'Cannot reach the server; check the network' : `The server answered ${status} ${statusText}`,
    },
  });

import { ApiError, isErrorBody, networkError } from './api-error';

export type Query = Record<string, string | number | boolean | null | undefined>;
type Listener = (error: ApiError) => void;

let csrfToken: string | null = null;
const listeners = new Set<Listener>();

/** The session's CSRF token (from login or /auth/me), sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Told of every API error, so the session layer can react to 401 and PASSWORD_CHANGE_REQUIRED in one place. */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Reads web/boot.js (inline in index.html) started before this code arrived, by URL: each is used once, and only soon after the load. */
type Early = Record<string, { at: number; response: Promise<Response> }>;
const EARLY_FOR_MS = 20_000;

function takeEarly(url: string): Promise<Response> | undefined {
  const early = (window as { __tnEarly?: Early }).__tnEarly;
  const hit = early?.[url];
  if (!early || !hit) return undefined;
  delete early[url];
  return Date.now() - hit.at <= EARLY_FOR_MS ? hit.response : undefined;
}

/** A write may change what an early read answered (a login most of all): none of them is used after one. */
function dropEarly(): void {
  delete (window as { __tnEarly?: Early }).__tnEarly;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  // A FormData body (a file upload) sets its own multipart content type, boundary included.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const url = withQuery(`/api/v1${path}`, query);
  if (method !== 'GET') dropEarly();
  const early = method === 'GET' && !extraHeaders ? takeEarly(url) : undefined;
  const send = () => fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
  let response: Response;
  try {
    // An early read that failed on the network is asked again, as if it had never been made.
    response = await (early ? early.catch(send) : send());
  } catch {
    throw report(networkError(0, ''));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  if (!response.ok) throw report(isErrorBody(data) ? new ApiError(response.status, data) : networkError(response.status, response.statusText));
  return data as T;
}

/** A file from the API (a template, a PDF) as a Blob; errors still arrive as the one error body. */
async function download(path: string, query?: Query): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, query), { credentials: 'same-origin' });
  } catch {
    throw report(networkError(0, ''));
  }
  if (response.ok) return response.blob();
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    /* not JSON */
  }
  throw report(isErrorBody(data) ? new ApiError(response.status, data) : networkError(response.status, response.statusText));
}

/** Saves a Blob (a download, or one built in the browser) as a file through a temporary link: the browser's own download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POST of one file as a multipart form (field `file`), with the CSRF token like every other write. */
function upload<T>(path: string, file: Blob, filename: string, headers?: Record<string, string>): Promise<T> {
  const form = new FormData();
  form.append('file', file, filename);
  return request<T>('POST', path, form, undefined, headers);
}

function report(error: ApiError): ApiError {
  for (const listener of listeners) listener(error);
  return error;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  /** A POST the server runs once per `key` (Idempotency-Key): a double tap or a retried request makes one record. */
  postOnce: <T>(path: string, body: unknown, key: string) => request<T>('POST', path, body, undefined, { 'idempotency-key': key }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  upload,
  download,
};

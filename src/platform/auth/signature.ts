import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { defineErrors } from '../http/errors.js';

/**
 * Signed requests of client systems (平台对接, DESIGN.md §6): an API key id and an HMAC-SHA256, with the key's
 * secret, over the method, the path with its query as sent, a timestamp, a nonce and the SHA-256 of the body. A
 * request is good for five minutes either side of the server's clock, and its nonce once: the key store remembers
 * nonces for as long as the window lasts (docs/decisions.md "Signed requests").
 */
export const SIGNATURE_SCHEME = 'TN1-HMAC-SHA256';
export const SIGNATURE_WINDOW_SECONDS = 300;

export const SIGNATURE_HEADERS = {
  key: 'x-tracenet-key',
  timestamp: 'x-tracenet-timestamp',
  nonce: 'x-tracenet-nonce',
  signature: 'x-tracenet-signature',
} as const;

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const TIMESTAMP = /^\d{1,12}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const KEY_ID = /^tnk_[0-9a-z]{10,40}$/;

export const signatureError = defineErrors({
  SIGNATURE_INVALID: {
    status: 401,
    zh: '请求签名无效：请检查密钥编号、签名算法（方法、路径含查询、时间戳、随机数、请求体摘要）与密钥',
    en: 'The request signature is invalid: check the key id, the string signed (method, path with query, timestamp, nonce, body SHA-256) and the secret',
  },
  SIGNATURE_EXPIRED: {
    status: 401,
    zh: '请求时间戳超出允许的前后五分钟范围，请校准时钟后重新签名',
    en: 'The request timestamp is more than five minutes from the server clock; fix the clock and sign again',
  },
  NONCE_REUSED: { status: 401, zh: '该随机数（nonce）已使用过，疑似重放请求，每个请求须使用新的随机数', en: 'This nonce was already used (a replayed request?); every request needs a new nonce' },
  KEY_REVOKED: { status: 401, zh: '该接口密钥已撤销或已过期，请使用有效的密钥', en: 'This API key was revoked or has expired; use a valid key' },
  OUT_OF_SCOPE: {
    status: 403,
    zh: '超出本接入系统的授权范围（地区或业务）',
    en: 'Outside this client system’s scope (regions or operations)',
  },
});

/** The headers of a signed request, read but not yet checked against a key. */
export type SignedHeaders = { keyId: string; timestamp: number; nonce: string; signature: string };

/** Whether the request claims to be signed (any of the headers present): then it is judged as signed, nothing else. */
export function claimsSignature(headers: Record<string, string | string[] | undefined>): boolean {
  return headers[SIGNATURE_HEADERS.key] !== undefined || headers[SIGNATURE_HEADERS.signature] !== undefined;
}

/** The four headers, well-formed, or SIGNATURE_INVALID saying which one is not. */
export function readSignedHeaders(headers: Record<string, string | string[] | undefined>): SignedHeaders {
  const one = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' ? v.trim() : undefined;
  };
  const keyId = one(SIGNATURE_HEADERS.key);
  const timestamp = one(SIGNATURE_HEADERS.timestamp);
  const nonce = one(SIGNATURE_HEADERS.nonce);
  const signature = one(SIGNATURE_HEADERS.signature)?.toLowerCase();
  if (!keyId || !KEY_ID.test(keyId)) throw signatureError('SIGNATURE_INVALID', { header: 'X-Tracenet-Key' });
  if (!timestamp || !TIMESTAMP.test(timestamp)) throw signatureError('SIGNATURE_INVALID', { header: 'X-Tracenet-Timestamp' });
  if (!nonce || !NONCE.test(nonce)) throw signatureError('SIGNATURE_INVALID', { header: 'X-Tracenet-Nonce', expected: '16–64 characters A-Z a-z 0-9 _ -' });
  if (!signature || !HEX64.test(signature)) throw signatureError('SIGNATURE_INVALID', { header: 'X-Tracenet-Signature', expected: '64 hex digits' });
  return { keyId, timestamp: Number(timestamp), nonce, signature };
}

export const sha256Hex = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

/** What is signed: one field a line, the path exactly as sent (its query included, nothing re-encoded). */
export function stringToSign(method: string, pathWithQuery: string, timestamp: number, nonce: string, bodySha256: string): string {
  return [SIGNATURE_SCHEME, method.toUpperCase(), pathWithQuery, String(timestamp), nonce, bodySha256].join('\n');
}

export function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** SIGNATURE_EXPIRED unless the timestamp lies within the window around now. */
export function assertFresh(timestamp: number, nowMs: number = Date.now()): void {
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) throw signatureError('SIGNATURE_EXPIRED', { serverTime: Math.floor(nowMs / 1000) });
}

/** SIGNATURE_INVALID unless the signature is the HMAC of the text with the secret (compared in constant time). */
export function assertSigned(secret: string, text: string, signature: string): void {
  const want = Buffer.from(sign(secret, text), 'hex');
  const got = Buffer.from(signature, 'hex');
  if (want.length !== got.length || !timingSafeEqual(want, got)) throw signatureError('SIGNATURE_INVALID');
}

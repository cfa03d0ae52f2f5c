import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A partner system calling Tracenet, written from the OpenAPI description alone with Node's crypto (it imports
 * nothing of the server's signing code, so a test that passes shows the scheme as documented, not as implemented).
 */
export type PartnerKey = { keyId: string; secret: string };

export type SignedCall = {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: unknown;
  /** Overrides for tests: the instant signed (Unix seconds), the nonce, what is signed. */
  timestamp?: number;
  nonce?: string;
  signedUrl?: string;
  signedBody?: string;
  extraHeaders?: Record<string, string>;
};

export function signedHeaders(key: PartnerKey, call: SignedCall): Record<string, string> {
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = call.nonce ?? randomBytes(16).toString('hex');
  const bodyHash = createHash('sha256')
    .update(call.signedBody ?? body)
    .digest('hex');
  const text = ['TN1-HMAC-SHA256', call.method, call.signedUrl ?? call.url, String(timestamp), nonce, bodyHash].join('\n');
  return {
    'x-tracenet-key': key.keyId,
    'x-tracenet-timestamp': String(timestamp),
    'x-tracenet-nonce': nonce,
    'x-tracenet-signature': createHmac('sha256', key.secret).update(text).digest('hex'),
  };
}

/** Sends a signed call; `headers` may be given to replay a call's exact headers. */
export function callSigned(app: FastifyInstance, key: PartnerKey, call: SignedCall, headers = signedHeaders(key, call)): Promise<LightMyRequestResponse> {
  return app.inject({
    method: call.method,
    url: call.url,
    headers: { ...headers, ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}), ...call.extraHeaders },
    ...(call.body !== undefined ? { payload: JSON.stringify(call.body) } : {}),
  });
}

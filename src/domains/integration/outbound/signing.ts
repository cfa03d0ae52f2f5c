import { sha256Hex, sign, SIGNATURE_HEADERS, stringToSign } from '../../../platform/auth/signature.js';

export const DELIVERY_HEADER = 'x-tracenet-delivery';

/**
 * A delivery is signed as a request to Tracenet is (TN1-HMAC-SHA256, signature.ts), the other way round: with the
 * client's own key, over POST, the endpoint's path with its query, a timestamp, the delivery id in the nonce's
 * place and the body's SHA-256. The receiver checks it with the code it signs its own calls with, and de-duplicates
 * on the delivery id, the same on every attempt.
 */
export function deliveryHeaders(key: { id: string; secret: string }, url: string, deliveryId: string, body: string, now = Date.now()): Record<string, string> {
  const u = new URL(url);
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    [DELIVERY_HEADER]: deliveryId,
    [SIGNATURE_HEADERS.key]: key.id,
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
    [SIGNATURE_HEADERS.nonce]: deliveryId,
    [SIGNATURE_HEADERS.signature]: sign(key.secret, stringToSign('POST', `${u.pathname}${u.search}`, timestamp, deliveryId, sha256Hex(body))),
  };
}

import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertFresh, assertSigned, readSignedHeaders, stringToSign } from './signature.js';

describe('the signing scheme TN1-HMAC-SHA256', () => {
  it('signs the lines a partner builds from the documentation', () => {
    const bodyHash = createHash('sha256').update('{"a":1}').digest('hex');
    const text = stringToSign('post', '/api/v1/x?b=2&a=1', 1796460000, 'n0nce-0123456789ab', bodyHash);
    expect(text).toBe(`TN1-HMAC-SHA256\nPOST\n/api/v1/x?b=2&a=1\n1796460000\nn0nce-0123456789ab\n${bodyHash}`);
    const signature = createHmac('sha256', 'tns_secret').update(text).digest('hex');
    expect(() => assertSigned('tns_secret', text, signature)).not.toThrow();
    expect(() => assertSigned('tns_other', text, signature)).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID', status: 401 }));
    expect(() => assertSigned('tns_secret', text.replace('a=1', 'a=2'), signature)).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
  });

  it('accepts a timestamp up to five minutes either side of the clock, and no further', () => {
    const now = 1_796_460_000_000;
    for (const skew of [-300, 0, 300]) expect(() => assertFresh(now / 1000 + skew, now)).not.toThrow();
    for (const skew of [-301, 301]) expect(() => assertFresh(now / 1000 + skew, now)).toThrow(expect.objectContaining({ code: 'SIGNATURE_EXPIRED', status: 401 }));
  });

  it('refuses malformed headers as SIGNATURE_INVALID, naming the header', () => {
    const good = { 'x-tracenet-key': 'tnk_0123456789abcdef01234567', 'x-tracenet-timestamp': '1796460000', 'x-tracenet-nonce': '0123456789abcdef', 'x-tracenet-signature': 'a'.repeat(64) };
    expect(readSignedHeaders(good)).toEqual({ keyId: good['x-tracenet-key'], timestamp: 1796460000, nonce: good['x-tracenet-nonce'], signature: 'a'.repeat(64) });
    for (const [header, value] of [
      ['x-tracenet-key', 'key'],
      ['x-tracenet-timestamp', 'yesterday'],
      ['x-tracenet-nonce', 'short'],
      ['x-tracenet-signature', 'zz'],
    ] as const) {
      expect(() => readSignedHeaders({ ...good, [header]: value })).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
    }
  });
});

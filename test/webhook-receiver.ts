import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A partner's webhook receiver on a random local port, written from the OpenAPI description alone with Node's crypto
 * (like test/partner.ts): it checks each delivery's signature with the client's secret and answers what the test
 * tells it to (200 by default).
 */
export type Received = { deliveryId: string; headers: IncomingHttpHeaders; body: { deliveryId: string; change: { cursor: string; type: string; kind: string; aggregateId: string; regionCode: string | null; payload: Record<string, unknown> }; holding?: { status: string; codes: string[] } }; signatureOk: boolean; raw: string };

export type Receiver = {
  url: string;
  received: Received[];
  /** The status of the next answers (200 unless set). */
  answer: number;
  /** How long it takes to answer (a slow partner keeps deliveries in flight). */
  delayMs: number;
  close(): Promise<void>;
};

export function signatureHolds(secret: string, path: string, headers: IncomingHttpHeaders, raw: string): boolean {
  const text = ['TN1-HMAC-SHA256', 'POST', path, String(headers['x-tracenet-timestamp']), String(headers['x-tracenet-nonce']), createHash('sha256').update(raw).digest('hex')].join('\n');
  const want = createHmac('sha256', secret).update(text).digest();
  const got = Buffer.from(String(headers['x-tracenet-signature'] ?? ''), 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

export async function startReceiver(secret: () => string, path = '/hooks/tracenet?src=test'): Promise<Receiver> {
  const r: Receiver = { url: '', received: [], answer: 200, delayMs: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      r.received.push({ deliveryId: String(req.headers['x-tracenet-delivery']), headers: req.headers, body: JSON.parse(raw), signatureOk: signatureHolds(secret(), req.url ?? '', req.headers, raw), raw });
      setTimeout(() => {
        res.statusCode = r.answer;
        res.end(r.answer < 300 ? 'ok' : 'not now');
      }, r.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  r.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return r;
}

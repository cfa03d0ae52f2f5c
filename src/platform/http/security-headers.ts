import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { TrustProxy } from '../config.js';

/**
 * Browser features the console uses: the camera (scanning an electronic identity or a label) and the position (a
 * base's GPS point), on our own origin only; everything else is off, so an injected script cannot ask for it.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'geolocation=(self)',
  'microphone=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/**
 * The security headers helmet sets, worked out once and added to every reply. @fastify/helmet builds helmet's
 * middleware again on every request (and parses the CSP directives each time), which cost the public trace page,
 * the busiest route, about a twentieth of its time; the headers depend on nothing in the request.
 */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  headers['permissions-policy'] = PERMISSIONS_POLICY;
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

/**
 * Every API answer is `Cache-Control: no-store` unless its route says otherwise (it sets its own header, which
 * replaces this one): answers hold personal data, and a shared computer's cache or a proxy must not keep them.
 */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/api/v1/')) void reply.header('cache-control', 'no-store');
    done();
  });
}

/** Fastify's form of TRUST_PROXY. A bare number is not used: Fastify then trusts nobody (it cannot check the peer). */
export function trustProxyOption(trust: TrustProxy): Pick<FastifyServerOptions, 'trustProxy'> {
  if (trust === false) return {};
  if (typeof trust === 'number') return { trustProxy: (_address: string, hop: number) => hop < trust };
  return { trustProxy: trust };
}

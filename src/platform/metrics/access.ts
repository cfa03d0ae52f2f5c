import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { metricsError } from './errors.js';

/** Parses `a.b.c.d/n` or `x::y/n`; throws on anything else (config validation reports it). */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [address = '', bits, ...rest] = text.trim().split('/');
  const version = isIP(address);
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!version || rest.length || !/^\d{1,3}$/.test(String(prefix)) || prefix > max) throw new Error(`not an address or CIDR range: ${text}`);
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export type MetricsAccess = { token: string | undefined; allow: string[] };

/**
 * Who may scrape /metrics: a request with the right bearer token, or one whose TCP peer is on the allow-list. The
 * peer is the socket's address, never X-Forwarded-For (which anyone can write), and a request that came through a
 * proxy is not judged by address at all: behind a reverse proxy on the same host every visitor's socket is the
 * proxy's loopback, so the default allow-list would otherwise open the metrics to the world.
 */
export function metricsGuard(access: MetricsAccess) {
  const list = new BlockList();
  for (const cidr of access.allow) {
    const r = parseCidr(cidr);
    list.addSubnet(r.address, r.prefix, r.family);
  }
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const expected = access.token ? digest(access.token) : undefined;

  const allowedPeer = (request: FastifyRequest): boolean => {
    if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) return false;
    let peer = request.socket.remoteAddress ?? '';
    // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; the list holds it as IPv4.
    if (peer.startsWith('::ffff:') && isIP(peer.slice(7)) === 4) peer = peer.slice(7);
    const family = isIP(peer);
    return family !== 0 && list.check(peer, family === 4 ? 'ipv4' : 'ipv6');
  };

  return (request: FastifyRequest): void => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      if (expected && token && timingSafeEqual(digest(token), expected)) return;
      throw metricsError('METRICS_TOKEN_INVALID');
    }
    if (allowedPeer(request)) return;
    // With a token configured the remedy is to send it; without one, only the allow-list could let this caller in.
    throw expected ? metricsError('METRICS_TOKEN_REQUIRED') : metricsError('METRICS_ADDRESS_REFUSED');
  };
}

import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';

/** The paths whose requests are not counted per route: the scrape itself. */
const UNCOUNTED = new Set(['/metrics']);

/**
 * Requests per route pattern (`/api/v1/trace/batches/:id`, never the raw URL, so a label's value set stays as small
 * as the route table), with their status and time. A request no route matched (a 404 from scanners, or a console
 * page served by the not-found handler) only adds to one counter without a route label.
 */
export function installHttpMetrics(app: FastifyInstance, registry: Registry): void {
  const requests = new Counter({
    name: 'tracenet_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tracenet_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by route pattern and method',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const unmatched = new Counter({
    name: 'tracenet_http_unmatched_requests_total',
    help: 'HTTP requests that matched no route (404s and console pages), by method',
    labelNames: ['method'] as const,
    registers: [registry],
  });

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (request.is404 || route === undefined) {
      unmatched.inc({ method: request.method });
    } else if (!UNCOUNTED.has(route)) {
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    }
    done();
  });
}

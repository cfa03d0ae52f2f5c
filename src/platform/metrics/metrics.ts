import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import { AppError } from '../http/errors.js';
import type { JobRunner } from '../jobs/runner.js';
import type { Notifier } from '../notify/notifier.js';
import { metricsGuard, type MetricsAccess } from './access.js';
import { installBusinessMetrics } from './business-metrics.js';
import { installHttpMetrics } from './http-metrics.js';
import { installRuntimeMetrics, type LookupStats } from './runtime-metrics.js';

export type MetricsParts = {
  access: MetricsAccess;
  database: Database;
  jobs: JobRunner;
  notifier: Notifier;
  lookups?: () => LookupStats;
  /** How long the business counts read at a scrape are reused (tests: 0, to see each write). */
  countsFreshMs?: number;
};

/**
 * GET /metrics in Prometheus's text format (DESIGN.md §9), on the root instance so that its request hook sees every
 * route. Each app has its own registry: tests build many apps in one process. Call before registering routes.
 */
export function installMetrics(app: FastifyInstance, parts: MetricsParts): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Gauges named like counters, which `promtool check metrics` rejects; nodejs_active_handles and the like remain.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name);
  installHttpMetrics(app, registry);
  const stopHearing = installRuntimeMetrics(registry, parts);
  installBusinessMetrics(registry, parts.database.db, (err) => app.log.warn({ err }, 'business counts for /metrics could not be read'), parts.countsFreshMs);
  app.addHook('onClose', async () => stopHearing());

  const guard = metricsGuard(parts.access);
  // No `permission`: the guard is its own authentication, and the session/API-token lookup (a database read, which
  // would also take the metrics token for an unknown API token) must not stand between a scraper and a sick server.
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    try {
      guard(request);
    } catch (err) {
      if (err instanceof AppError && err.status === 401) void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw err;
    }
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(await registry.metrics());
  });
}

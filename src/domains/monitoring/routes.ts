import type { FastifyInstance } from 'fastify';
import type { MonitoringDeps } from './deps.js';

/** 监测业务: `/api/v1/monitoring/...` — samples, the lab's results judged against residue limits, summaries, alerts. */
export function monitoringRoutes(deps: MonitoringDeps) {
  return async (app: FastifyInstance) => {
    void deps;
    void app;
  };
}

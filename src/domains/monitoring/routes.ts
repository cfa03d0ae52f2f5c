import type { FastifyInstance } from 'fastify';
import { alertRoutes } from './alert.routes.js';
import type { MonitoringDeps } from './deps.js';
import { limitRoutes } from './limits.routes.js';
import { referenceRoutes } from './reference.routes.js';
import { recallRoutes } from './recall.routes.js';
import { reviewRoutes } from './review.routes.js';
import { resultRoutes } from './result.routes.js';
import { sampleRoutes } from './sample.routes.js';
import { summaryRoutes } from './summary.routes.js';

/** 监测业务: `/api/v1/monitoring/...` — samples, the lab's results judged against residue limits, summaries, alerts. */
export function monitoringRoutes(deps: MonitoringDeps) {
  return async (app: FastifyInstance) => {
    void deps;
    void app;
    await app.register(alertRoutes(deps));
    await app.register(summaryRoutes(deps));
    await app.register(limitRoutes(deps));
    await app.register(referenceRoutes(deps));
    await app.register(sampleRoutes(deps));
    await app.register(resultRoutes(deps));
    await app.register(reviewRoutes(deps));
    await app.register(recallRoutes(deps));
  };
}

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';

/** /healthz: the process answers. /readyz: it can also reach its database (load balancers route on this). */
export function healthRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      try {
        await database.db.execute(sql`SELECT 1`);
        return { status: 'ready', database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: database.kind });
      }
    });
  };
}

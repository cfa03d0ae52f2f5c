import { buildApp } from './app.js';
import { loadConfig } from './platform/config.js';
import type { Database, Db } from './platform/db/client.js';
import { createLogger } from './platform/logger.js';

export const OPENAPI_FILE = new URL('../openapi.json', import.meta.url).pathname;

/**
 * The OpenAPI document as the routes' zod schemas describe it. Building the app touches no database, so a
 * stand-in handle is enough; the committed openapi.json must equal this (openapi.test.ts).
 */
export async function generateOpenApi(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: 'x'.repeat(32), PUBLIC_URL: 'http://localhost:3000' });
  const database: Database = { db: {} as Db, kind: 'postgres', close: async () => {}, listen: async () => async () => {} };
  const app = await buildApp(config, database, createLogger('silent'));
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return `${JSON.stringify(doc, null, 2)}\n`;
}

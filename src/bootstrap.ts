import type { Config } from './platform/config.js';
import { openPglite, openPostgres, type Database } from './platform/db/client.js';
import { migrate } from './platform/db/migrate.js';
import type { Logger } from './platform/logger.js';
import { createPii } from './platform/pii/pii.js';
import { loadRegions, seedDemo } from './domains/registry/index.js';
import { loadProductClasses } from './domains/trace/index.js';

export function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.pgPoolSize) : openPglite(config.dataDir);
}

/**
 * Brings a database up to date: migrations, the reference data every installation needs (regions, product
 * classes), and the demo data when asked for — by default only on the embedded database, so a production
 * PostgreSQL stays clean.
 */
export async function prepareDatabase(database: Database, config: Config, log?: Logger): Promise<{ seeded: boolean }> {
  await migrate(database);
  const regions = await loadRegions(database.db);
  if (regions) log?.info({ regions }, 'loaded administrative divisions');
  const classes = await loadProductClasses(database.db);
  if (classes) log?.info({ classes }, 'loaded the product classification');
  const wantDemo = config.demoSeed === 'yes' || (config.demoSeed === 'auto' && database.kind === 'pglite');
  const seeded = wantDemo ? await seedDemo(database.db, createPii(config.secretKey)) : false;
  if (seeded) log?.info('demo data created');
  return { seeded };
}

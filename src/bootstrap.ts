import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './platform/config.js';
import { readInitialCluster } from './platform/db/pglite-initial.js';
import { openPglite, openPostgres, type Database } from './platform/db/client.js';
import { migrate } from './platform/db/migrate.js';
import { grantAppRole, roleOfUrl } from './platform/db/roles.js';
import { sealAuditBoundary, useAuditKey } from './platform/audit/audit.js';
import type { Logger } from './platform/logger.js';
import { createPii } from './platform/pii/pii.js';
import { loadRegions } from './domains/regions/index.js';
import { allGrants } from './domains/index.js';
import { demoSubject, seedDemo } from './domains/registry/index.js';
import { loadProductClasses, seedDemoTrace } from './domains/trace/index.js';
import { loadResidueLimits } from './domains/monitoring/index.js';
import { createNotifier } from './platform/notify/notifier.js';

export function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.pgPoolSize);
  return openPglite(config.dataDir, isNewPgliteFolder(config.dataDir) ? readInitialCluster() : undefined);
}

/** An embedded data folder that holds no database yet (the first start). */
export function isNewPgliteFolder(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'));
}

/**
 * Migrations, as the schema's owner when MIGRATION_DATABASE_URL is set (then the application's role gets its
 * grants), and the seal of the audit key's boundary.
 */
export async function migrateDatabase(database: Database, config: Config): Promise<void> {
  const auditKey = useAuditKey(config.secretKey);
  if (config.migrationDatabaseUrl && database.kind === 'postgres') {
    // The schema's owner migrates and grants; the application's own role (DATABASE_URL) cannot change the audit log.
    const owner = await openPostgres(config.migrationDatabaseUrl, 1);
    try {
      await migrate(owner);
      await sealAuditBoundary(owner.db, auditKey);
      await grantAppRole(owner.db, roleOfUrl(config.databaseUrl!));
    } finally {
      await owner.close();
    }
  } else {
    await migrate(database);
    await sealAuditBoundary(database.db, auditKey);
  }
}

/**
 * Brings a database up to date: migrations, the reference data every installation needs (regions, product
 * classes, analytes and residue limits), and the demo data when asked for — by default only on the embedded
 * database, so a production PostgreSQL stays clean.
 */
export async function prepareDatabase(
  database: Database,
  config: Config,
  log?: Logger,
  say: (line: string) => void = () => {},
): Promise<{ seeded: boolean }> {
  await migrateDatabase(database, config);
  await loadReferenceData(database, log, say);
  const wantDemo = config.demoSeed === 'yes' || (config.demoSeed === 'auto' && database.kind === 'pglite');
  const seeded = wantDemo ? await seedDemo(database.db, createPii(config.secretKey)) : false;
  if (seeded) {
    log?.info('demo data created');
    say('  created the demo agencies, accounts and producers 已创建演示机构、账号与主体');
  }
  return { seeded };
}

/**
 * The reference data every installation needs, each set loaded once. `npm install` (scripts/prepare.ts) calls it
 * after plain migrations for the embedded database's initial cluster, which must hold nothing keyed to an
 * installation's secret (not even the audit key's seal).
 */
export async function loadReferenceData(database: Database, log?: Logger, say: (line: string) => void = () => {}): Promise<void> {
  const regions = await loadRegions(database.db);
  if (regions) {
    log?.info({ regions }, 'loaded administrative divisions');
    say(`  loaded ${regions} administrative divisions 已加载行政区划`);
  }
  const classes = await loadProductClasses(database.db);
  if (classes) log?.info({ classes }, 'loaded the product classification');
  const limits = await loadResidueLimits(database.db);
  if (limits) log?.info({ limits }, 'loaded residue limits');
  if (classes || limits) say(`  loaded ${classes} product classes and ${limits} residue limits 已加载产品分类与残留限量`);
}

/**
 * The demo's traceability (a batch, a sale, a market entry), for a newcomer's first start only: the test template
 * keeps the demo subjects without it, so tests start from empty workbenches. Answers a code whose public page shows
 * the whole chain.
 */
export async function seedDemoTraceData(database: Database, config: Config): Promise<string> {
  const notifier = createNotifier(database);
  const grants = allGrants();
  try {
    const [coop, farmer] = [await demoSubject(database.db, grants, 'sg-coop'), await demoSubject(database.db, grants, 'sg-farmer')];
    return await seedDemoTrace({ db: database.db, config, pii: createPii(config.secretKey), notifier }, coop.actor, farmer);
  } finally {
    await notifier.close();
  }
}


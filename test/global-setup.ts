import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/platform/config.js';
import { openPglite, openPostgres } from '../src/platform/db/client.js';
import { readInitialCluster } from '../src/platform/db/pglite-initial.js';
import { adminQuery, pgliteTemplatePath, TEST_SECRET, testDatabaseUrl, withDatabase } from './template.js';

/**
 * Migrates and seeds one database per run; every test file then starts from a copy of it (DESIGN.md §10):
 * a PGlite dump loaded in memory, or a PostgreSQL database created from a template.
 */
export default async function setup(project: TestProject) {
  const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET, DEMO_SEED: 'yes', LOG_LEVEL: 'silent' });
  const url = testDatabaseUrl();
  if (url) {
    const template = `tn_tpl_${process.pid}`;
    await adminQuery(url, `DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(url, `CREATE DATABASE ${template}`);
    const database = await openPostgres(withDatabase(url, template), 2);
    await prepareDatabase(database, config);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${template}`);
    };
  }
  // Starts from the cluster `npm install` made (initdb skipped) when there is one.
  const database = await openPglite(undefined, readInitialCluster());
  await prepareDatabase(database, config);
  const dump = await database.pglite!.dumpDataDir('gzip');
  const file = pgliteTemplatePath(process.pid);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgTemplate', '');
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}

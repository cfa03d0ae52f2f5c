import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase, prepareDatabase } from './bootstrap.js';
import { auditKeyOf, useAuditKey, verifyAuditChain } from './platform/audit/audit.js';
import { readLastCheckpoint, writeAuditCheckpoint } from './platform/audit/checkpoint.js';
import { createAppRole, grantAppRole } from './platform/db/roles.js';
import { openPostgres } from './platform/db/client.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { AppError } from './platform/http/errors.js';
import { formatReport, restoreBackup, runManualBackup, type RestoreTarget } from './domains/ops/index.js';
import { migrate } from './platform/db/migrate.js';
import { createLogger } from './platform/logger.js';
import { createPii } from './platform/pii/pii.js';
import { bootstrapMinistry, seedDemo } from './domains/registry/index.js';

const HELP = `Tracenet command line  (npm run cli -- <command>)

  migrate                     apply database migrations
  seed                        migrate, load regions, and add the demo data if the database has no agencies
  bootstrap --username U --password P [--name N]
                              create the ministry agency and its first administrator (a new production database)
  audit verify                check the audit log's keyed hash chains against the key (SECRET_KEY) and the last
                              signed checkpoint: names the first tampered, re-chained or truncated entry
  audit checkpoint            write a signed checkpoint of the chains' tips now (the server does it every
                              AUDIT_CHECKPOINT_MINUTES into AUDIT_CHECKPOINT_DIR, default DATA_DIR/audit)
  db grant-app-role --role R [--password P]
                              PostgreSQL, run as the schema's owner: create the login role R (with --password) and
                              grant it the application's rights — every table, but only INSERT and SELECT on the
                              audit log; then run the server with DATABASE_URL as R and MIGRATION_DATABASE_URL as owner
  backup [--to DIR]           write one encrypted backup file (key from SECRET_KEY) into DIR, else BACKUP_DIR
  restore FILE [--verify]     --verify: restore into a scratch database and compare with the backup's manifest;
                              without it: replace the current database's data (stop the servers first)

Uses the same environment as the server: DATABASE_URL for PostgreSQL, else the embedded database in DATA_DIR.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean' },
      to: { type: 'string' },
      verify: { type: 'boolean' },
    },
  });
  const command = positionals[0] === 'restore' ? 'restore' : positionals.join(' ');
  if (!command || values.help) {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  useAuditKey(config.secretKey);
  if (command === 'restore') return restore(config, positionals[1], values.verify === true);
  // Granting is the owner's business: on MIGRATION_DATABASE_URL when there is one.
  const database = command === 'db grant-app-role' && config.migrationDatabaseUrl ? await openPostgres(config.migrationDatabaseUrl, 1) : await openDatabase(config);
  try {
    switch (command) {
      case 'migrate':
        await migrateDatabase(database, config);
        console.log('migrations applied');
        return 0;
      case 'seed': {
        if (config.env === 'production') {
          console.error('seed: refused under NODE_ENV=production; the demo accounts share a published password');
          return 1;
        }
        await prepareDatabase(database, { ...config, demoSeed: 'no' }, createLogger('info'));
        const seeded = await seedDemo(database.db, createPii(config.secretKey));
        console.log(seeded ? 'demo data created' : 'agencies exist already; nothing seeded');
        return 0;
      }
      case 'bootstrap': {
        if (!values.username || !values.password) {
          console.error('bootstrap needs --username and --password');
          return 1;
        }
        await prepareDatabase(database, { ...config, demoSeed: 'no' });
        await bootstrapMinistry(database.db, createPii(config.secretKey), {
          username: values.username,
          password: values.password,
          name: values.name ?? '农业农村部农产品质量安全监管司',
        });
        console.log(`ministry administrator ${values.username} created; it must change its password at first login`);
        return 0;
      }
      case 'audit verify': {
        const checkpoint = readLastCheckpoint(config.auditCheckpointDir);
        const result = await verifyAuditChain(database.db, auditKeyOf(config.secretKey), { checkpoint });
        if (result.firstBad) {
          console.error(
            `audit chain BROKEN at entry #${result.firstBad.id} (stream ${result.firstBad.stream}): ${result.firstBad.reason}; ${result.checked} entries before it verified`,
          );
          return 1;
        }
        console.log(`audit chain OK: ${result.checked} entries in ${result.streams} streams`);
        console.log(
          checkpoint
            ? `  every tip of the checkpoint of ${checkpoint.at} is present (no truncation)`
            : `  no checkpoint in ${config.auditCheckpointDir}: deleting the newest entries cannot be detected without one`,
        );
        return 0;
      }
      case 'audit checkpoint': {
        const written = await writeAuditCheckpoint(database.db, auditKeyOf(config.secretKey), config.auditCheckpointDir);
        console.log(written ? `checkpoint written to ${config.auditCheckpointDir}` : 'the chains have not moved since the last checkpoint');
        return 0;
      }
      case 'db grant-app-role': {
        if (database.kind !== 'postgres' || !values.role) {
          console.error('db grant-app-role needs PostgreSQL (DATABASE_URL or MIGRATION_DATABASE_URL as the owner) and --role');
          return 1;
        }
        if (values.password) console.log((await createAppRole(database.db, values.role, values.password)) ? `role ${values.role} created` : `role ${values.role} exists`);
        await grantAppRole(database.db, values.role);
        console.log(`granted ${values.role}: tables read and write, audit log INSERT and SELECT only`);
        return 0;
      }
      case 'backup': {
        await migrate(database);
        const dir = path.resolve(values.to ?? config.backupDir);
        const run = await runManualBackup({ database, config }, dir);
        if (!run.ok) {
          console.error(`backup FAILED 备份失败：${run.error}`);
          return 1;
        }
        console.log(`backup written 备份已写入：${run.file}（${statSync(run.file!).size} bytes）`);
        return 0;
      }
      default:
        console.error(`unknown command: ${command}\n\n${HELP}`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

/** Restore opens no database of its own: on PGlite the folder is swapped whole, on PostgreSQL it uses its own connection. */
async function restore(config: Config, file: string | undefined, verify: boolean): Promise<number> {
  if (!file) {
    console.error('restore needs the backup file: npm run cli -- restore FILE [--verify]');
    return 1;
  }
  // The schema's owner restores when there is one: the application's role may not empty the audit log.
  const url = config.migrationDatabaseUrl ?? config.databaseUrl;
  const target: RestoreTarget = url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: config.dataDir };
  try {
    const report = await restoreBackup(path.resolve(file), config.secretKey, target, verify);
    console.log(formatReport(report));
    return report.comparison.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.code}: ${err.messages.zh}\n${err.messages.en}`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);

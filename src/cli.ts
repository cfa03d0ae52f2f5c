import { parseArgs } from 'node:util';
import { openDatabase, prepareDatabase } from './bootstrap.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { statSync } from 'node:fs';
import path from 'node:path';
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
  audit verify                check the audit log's hash chains; names the first tampered entry
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
  if (command === 'restore') return restore(config, positionals[1], values.verify === true);
  const database = await openDatabase(config);
  try {
    switch (command) {
      case 'migrate':
        await migrate(database);
        console.log('migrations applied');
        return 0;
      case 'seed': {
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
        const result = await verifyAuditChain(database.db);
        if (result.firstBad) {
          console.error(
            `audit chain BROKEN at entry #${result.firstBad.id} (stream ${result.firstBad.stream}): ${result.firstBad.reason}; ${result.checked} entries before it verified`,
          );
          return 1;
        }
        console.log(`audit chain OK: ${result.checked} entries in ${result.streams} streams`);
        return 0;
      }
      case 'backup': {
        await migrate(database);
        const dir = path.resolve(values.to ?? config.backupDir);
        const run = await runManualBackup({ database, config }, dir);
        if (!run.ok) {
          console.error(`backup FAILED 备份失败: ${run.error}`);
          return 1;
        }
        console.log(`backup written 备份已写入: ${run.file} (${statSync(run.file!).size} bytes)`);
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
  const target: RestoreTarget = config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
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

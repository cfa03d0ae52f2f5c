import { parseArgs } from 'node:util';
import { openDatabase, prepareDatabase } from './bootstrap.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { ConfigError, loadConfig } from './platform/config.js';
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

Uses the same environment as the server: DATABASE_URL for PostgreSQL, else the embedded database in DATA_DIR.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  });
  const command = positionals.join(' ');
  if (!command || values.help) {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    switch (command) {
      case 'migrate':
        await migrate(database);
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
      default:
        console.error(`unknown command: ${command}\n\n${HELP}`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);

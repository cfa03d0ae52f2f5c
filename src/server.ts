import { buildApp } from './app.js';
import { isNewPgliteFolder, openDatabase, prepareDatabase, seedDemoTraceData } from './bootstrap.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';
import { configureCjkFont } from './platform/print/cjk-font.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_SUBJECTS } from './domains/registry/index.js';

async function main() {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  configureCjkFont(config.cjkFontPath, (message) => log.warn(message));
  // A first start on an empty folder takes seconds: say what is happening instead of staying silent.
  const firstStart = !config.databaseUrl && isNewPgliteFolder(config.dataDir);
  const say = firstStart ? (line: string) => console.log(`${line} (${Math.round(performance.now() - started)} ms)`) : () => {};
  if (firstStart) console.log(`First start 首次启动: creating the embedded database in ${config.dataDir} 正在创建嵌入式数据库…`);
  const database = await openDatabase(config);
  say('  database ready, applying migrations 数据库已就绪，正在迁移');
  const { seeded } = await prepareDatabase(database, config, log, say);
  const demoCode = seeded && config.demoTrace ? await seedDemoTraceData(database, config) : null;
  if (demoCode) say('  recorded a demo batch, its sale and market entry 已生成演示批次、交易与入市凭证');
  const app = await buildApp(config, database, log);
  await app.listen({ host: config.host, port: config.port });

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [
    '',
    `Tracenet 追溯一张网 is ready in ${Math.round(performance.now() - started)} ms (${database.kind}${database.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
    `  Console 控制台：${base}/`,
    `  API docs 接口文档：${base}/api/docs`,
  ];
  if (seeded || database.kind === 'pglite') {
    lines.push(`  Demo logins 演示账号（password 密码：${DEMO_PASSWORD}）：`);
    for (const a of DEMO_AGENCIES) {
      lines.push(`    ${a.username.padEnd(16)} ${a.name}`);
      for (const s of a.staff ?? []) lines.push(`    ${s.username.padEnd(16)} ${a.name}（${s.person}）`);
    }
    for (const s of DEMO_SUBJECTS) lines.push(`    ${s.username.padEnd(16)} ${s.name}（生产经营主体 producer）`);
    lines.push(`  Register a producer 主体注册: ${base}/register`);
    if (demoCode) lines.push(`  A label's public page 消费查询: ${base}/t/${demoCode}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

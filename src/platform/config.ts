import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

const schema = z.strictObject({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://trace.example.cn' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters (use: openssl rand -hex 32)').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_SEED: z.enum(['auto', 'yes', 'no']).default('auto'),
  /** With the demo data, also a demo batch, sale and market entry (off for the browser tests, which start empty). */
  DEMO_TRACE: z.enum(['yes', 'no']).default('yes'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Public trace look-ups (the page behind every label and its API) one IP may make per minute. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(120),
  /** A code looked up more often than this (and than twice its batch's quantity) is flagged as possibly copied. */
  PUBLIC_LOOKUP_ALERT: z.coerce.number().int().min(1).default(200),
  /** How long a server keeps a subject's public name and certificates for the public trace page (0: not at all). */
  PUBLIC_FACTS_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  /** A TrueType/OpenType font (or .ttc) with Chinese glyphs for PDFs and labels; the packaged Noto Sans SC otherwise. */
  CJK_FONT_PATH: z.string().min(1).optional(),
  /** When scheduled backups run: a five-field cron expression in the server's time zone (e.g. "30 2 * * *"); none when unset. */
  BACKUP_CRON: z
    .string()
    .min(1)
    .refine((v) => isCron(v), 'must be a five-field cron expression such as "30 2 * * *" (02:30 every day)')
    .optional(),
  /** Where backups are written; DATA_DIR/backups by default. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many scheduled backup files are kept; older ones are removed after each successful run. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(7),
});

function isCron(v: string): boolean {
  if (v.trim().split(/\s+/).length !== 5) return false;
  try {
    CronExpressionParser.parse(v);
    return true;
  } catch {
    return false;
  }
}

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: string;
  logLevel: string;
  demoSeed: 'auto' | 'yes' | 'no';
  demoTrace: boolean;
  sessionTtlHours: number;
  pgPoolSize: number;
  publicRateLimit: number;
  publicLookupAlert: number;
  /** Tests see every write at once (0); a server otherwise keeps those facts a minute, as long as a page may be cached. */
  publicFactsTtlSeconds: number;
  cjkFontPath: string | undefined;
  backupCron: string | undefined;
  backupDir: string;
  backupKeep: number;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration 配置无效:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = Object.keys(schema.shape);

/** Reads only the variables Tracenet owns, so the rest of the environment never trips validation. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const picked: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message} (got ${JSON.stringify(picked[String(i.path[0])] ?? null)})`),
    );
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.SECRET_KEY) {
    throw new ConfigError(['SECRET_KEY: required in production (at least 32 characters)']);
  }
  if (c.NODE_ENV === 'production' && !c.DATABASE_URL) {
    throw new ConfigError(['DATABASE_URL: required in production; the embedded PGlite is for development and demos']);
  }
  const dataDir = path.resolve(c.DATA_DIR);
  const config: Config = {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    databaseUrl: c.DATABASE_URL,
    dataDir,
    secretKey: c.SECRET_KEY ?? '',
    logLevel: c.LOG_LEVEL,
    demoSeed: c.DEMO_SEED,
    demoTrace: c.DEMO_TRACE === 'yes',
    sessionTtlHours: c.SESSION_TTL_HOURS,
    pgPoolSize: c.PG_POOL_SIZE,
    publicRateLimit: c.PUBLIC_RATE_LIMIT,
    publicLookupAlert: c.PUBLIC_LOOKUP_ALERT,
    publicFactsTtlSeconds: c.PUBLIC_FACTS_TTL_SECONDS ?? (c.NODE_ENV === 'test' ? 0 : 60),
    cjkFontPath: c.CJK_FONT_PATH,
    backupCron: c.BACKUP_CRON,
    backupDir: path.resolve(c.BACKUP_DIR ?? path.join(dataDir, 'backups')),
    backupKeep: c.BACKUP_KEEP,
    ...overrides,
  };
  if (!config.secretKey) config.secretKey = localSecret(dataDir);
  return config;
}

/** Development convenience: a random key kept beside the embedded database, so encrypted data survives restarts. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { parseCidr } from './metrics/access.js';

const isCidr = (text: string) => {
  try {
    parseCidr(text);
    return true;
  } catch {
    return false;
  }
};

const schema = z.strictObject({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://trace.example.cn' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * PostgreSQL as the schema's owner, for migrations only; DATABASE_URL is then a role that may not change or
   * delete audit entries (`npm run cli -- db grant-app-role`).
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where the signed checkpoints of the audit chains' tips are written (default DATA_DIR/audit); best off the database's machine. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** The first wait before a failed job's retry; it doubles each attempt (at most an hour). */
  JOB_BACKOFF_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** NATS with JetStream (nats://host:port): when set, the outbox's changes are also published there (issue 17 §3). */
  NATS_URL: z.string().regex(/^(nats|tls):\/\/[^\s]+$/, 'a NATS server URL such as nats://127.0.0.1:4222').optional(),
  /** Whether a webhook may point at a loopback or private address (by default only outside production). */
  WEBHOOK_PRIVATE_TARGETS: z.enum(['allow', 'deny']).optional(),
  /** How long an Idempotency-Key's answer is kept for a retry. */
  IDEMPOTENCY_WINDOW_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters (use: openssl rand -hex 32)').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_SEED: z.enum(['auto', 'yes', 'no']).default('auto'),
  /** With the demo data, also a demo batch, sale and market entry (off for the browser tests, which start empty). */
  DEMO_TRACE: z.enum(['yes', 'no']).default('yes'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Public trace look-ups (the page behind every label and its API) one IP may make per minute. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(120),
  /** Codes one IP may check per minute through the bulk verify (a request of 1,000 codes counts 1,000). */
  PUBLIC_VERIFY_CODES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(3000),
  /** Anonymous registration requests (applications, resubmissions, upload tickets) one IP may make per hour. */
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(30),
  /** Anonymous uploads of licence and ID photos one IP may make per hour. */
  UPLOAD_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(60),
  /** A code looked up more often than this (and than twice its batch's quantity) is flagged as possibly copied. */
  PUBLIC_LOOKUP_ALERT: z.coerce.number().int().min(1).default(200),
  /** How long a server keeps a subject's public name and certificates for the public trace page (0: not at all). */
  PUBLIC_FACTS_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  /** A TrueType/OpenType font (or .ttc) with Chinese glyphs for PDFs and labels; the packaged Noto Sans SC otherwise. */
  CJK_FONT_PATH: z.string().min(1).optional(),
  /** Which peers may set X-Forwarded-For: off (none), a hop count, or addresses and CIDR ranges (see parseTrustProxy). */
  TRUST_PROXY: z.string().default('off'),
  /** Login attempts one IP may have failing (or in flight) per minute; the global figure is for all IPs together. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  LOGIN_GLOBAL_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(600),
  /** Password hashes (Argon2id) one server computes at once; the rest wait in a bounded queue. */
  HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** App (bearer) tokens: the lifetime when none is asked for, and the longest one may ask for. */
  TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  TOKEN_MAX_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** A bearer token that lets a scraper read /metrics from any address. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (use: openssl rand -hex 32)').optional(),
  /** Addresses or CIDR ranges that may read /metrics without the token, comma-separated; `none` for none. */
  METRICS_ALLOW: z
    .string()
    .default('127.0.0.0/8,::1/128')
    .transform((v) => (v.trim() === 'none' ? [] : v.split(',').map((s) => s.trim()).filter(Boolean)))
    .refine((list) => list.every(isCidr), 'must be addresses or CIDR ranges separated by commas (e.g. 10.0.0.0/8,::1), or none'),
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

/** false: X-Forwarded-For is ignored; a number: that many proxies in front of us; a list: addresses and ranges. */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Parses TRUST_PROXY, or returns the reason it cannot. */
export function parseTrustProxy(value: string): TrustProxy | { problem: string } {
  const v = value.trim().toLowerCase();
  if (['off', 'false', 'no', 'none', '0'].includes(v)) return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops <= 10 ? hops : { problem: 'a hop count must be 1 to 10' };
  }
  if (['on', 'true', 'yes', 'all', '*'].includes(v)) {
    return { problem: 'trusting every peer lets any client forge its address; give a hop count (e.g. 1) or the proxies\' addresses' };
  }
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !PROXY_NAMES.has(e) && !validCidr(e));
  if (entries.length === 0 || bad.length) {
    return { problem: `must be off, a hop count (1-10), or a comma-separated list of IP addresses, CIDR ranges or loopback/linklocal/uniquelocal${bad.length ? `; not understood: ${bad.join(', ')}` : ''}` };
  }
  return entries;
}

function validCidr(entry: string): boolean {
  const [addr, bits, ...rest] = entry.split('/');
  const family = isIP(addr ?? '');
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

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
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  auditCheckpointDir: string;
  auditCheckpointMinutes: number;
  jobBackoffSeconds: number;
  natsUrl: string | null;
  webhookPrivateTargets: boolean;
  idempotencyWindowHours: number;
  secretKey: string;
  logLevel: string;
  demoSeed: 'auto' | 'yes' | 'no';
  demoTrace: boolean;
  sessionTtlHours: number;
  pgPoolSize: number;
  publicRateLimit: number;
  publicVerifyCodesPerMinute: number;
  registrationRateLimit: number;
  uploadRateLimit: number;
  publicLookupAlert: number;
  /** Tests see every write at once (0); a server otherwise keeps those facts a minute, as long as a page may be cached. */
  publicFactsTtlSeconds: number;
  cjkFontPath: string | undefined;
  trustProxy: TrustProxy;
  loginRateLimit: number;
  loginGlobalRateLimit: number;
  hashConcurrency: number;
  tokenTtlDays: number;
  tokenMaxTtlDays: number;
  metricsToken: string | undefined;
  metricsAllow: string[];
  backupCron: string | undefined;
  backupDir: string;
  backupKeep: number;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration 配置无效：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
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
  const problems: string[] = [];
  const trustProxy = parseTrustProxy(c.TRUST_PROXY);
  if (typeof trustProxy === 'object' && trustProxy && 'problem' in trustProxy) problems.push(`TRUST_PROXY: ${trustProxy.problem} (got ${JSON.stringify(c.TRUST_PROXY)})`);
  if (c.TOKEN_TTL_DAYS > c.TOKEN_MAX_TTL_DAYS) problems.push(`TOKEN_TTL_DAYS: must not exceed TOKEN_MAX_TTL_DAYS (${c.TOKEN_MAX_TTL_DAYS}) (got ${c.TOKEN_TTL_DAYS})`);
  // The demo accounts share one published password: a production server must never hold them.
  if (c.NODE_ENV === 'production' && c.DEMO_SEED === 'yes') {
    problems.push('DEMO_SEED: "yes" is refused in production; the demo accounts share a published password (use DEMO_SEED=no)');
  }
  if (problems.length) throw new ConfigError(problems);
  if (c.NODE_ENV === 'production' && !c.SECRET_KEY) {
    throw new ConfigError(['SECRET_KEY: required in production (at least 32 characters)']);
  }
  if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL) {
    throw new ConfigError(['MIGRATION_DATABASE_URL: only with DATABASE_URL (the embedded database has one user)']);
  }
  if (c.MIGRATION_DATABASE_URL && c.DATABASE_URL && new URL(c.MIGRATION_DATABASE_URL).username === new URL(c.DATABASE_URL).username) {
    throw new ConfigError(['MIGRATION_DATABASE_URL: must be another role than DATABASE_URL\'s (the owner migrates, the application runs with less)']);
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
    migrationDatabaseUrl: c.MIGRATION_DATABASE_URL,
    dataDir,
    auditCheckpointDir: path.resolve(c.AUDIT_CHECKPOINT_DIR ?? path.join(dataDir, 'audit')),
    auditCheckpointMinutes: c.AUDIT_CHECKPOINT_MINUTES,
    jobBackoffSeconds: c.JOB_BACKOFF_SECONDS,
    natsUrl: c.NATS_URL ?? null,
    webhookPrivateTargets: (c.WEBHOOK_PRIVATE_TARGETS ?? (c.NODE_ENV === 'production' ? 'deny' : 'allow')) === 'allow',
    idempotencyWindowHours: c.IDEMPOTENCY_WINDOW_HOURS,
    secretKey: c.SECRET_KEY ?? '',
    logLevel: c.LOG_LEVEL,
    demoSeed: c.DEMO_SEED,
    demoTrace: c.DEMO_TRACE === 'yes',
    sessionTtlHours: c.SESSION_TTL_HOURS,
    pgPoolSize: c.PG_POOL_SIZE,
    publicRateLimit: c.PUBLIC_RATE_LIMIT,
    publicVerifyCodesPerMinute: c.PUBLIC_VERIFY_CODES_PER_MINUTE,
    registrationRateLimit: c.REGISTRATION_RATE_LIMIT,
    uploadRateLimit: c.UPLOAD_RATE_LIMIT,
    publicLookupAlert: c.PUBLIC_LOOKUP_ALERT,
    publicFactsTtlSeconds: c.PUBLIC_FACTS_TTL_SECONDS ?? (c.NODE_ENV === 'test' ? 0 : 60),
    cjkFontPath: c.CJK_FONT_PATH,
    trustProxy: trustProxy as TrustProxy,
    loginRateLimit: c.LOGIN_RATE_LIMIT,
    loginGlobalRateLimit: c.LOGIN_GLOBAL_RATE_LIMIT,
    // One core left to answer everything else while logins hash.
    hashConcurrency: c.HASH_CONCURRENCY ?? Math.max(1, availableParallelism() - 1),
    tokenTtlDays: c.TOKEN_TTL_DAYS,
    tokenMaxTtlDays: c.TOKEN_MAX_TTL_DAYS,
    metricsToken: c.METRICS_TOKEN,
    metricsAllow: c.METRICS_ALLOW,
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

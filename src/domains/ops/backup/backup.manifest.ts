import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER } from '../../../platform/db/migrate.js';

/** What a backup holds, written first in the file and compared after every restore. */
export type Manifest = {
  format: 1;
  kind: 'postgres' | 'pglite';
  createdAt: string;
  tracenetVersion: string;
  migrations: { count: number; lastHash: string | null };
  /** In foreign-key order: a table comes after the tables it references, so loading in this order checks every key. */
  tables: { name: string; columns: string[]; rows: number; checksum: string }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** The newest audit entry's hash per stream. */
  auditTips: Record<string, string>;
};

/** The little both drivers share: pg's client and a PGlite transaction both answer `query(text, params)` with rows. */
export type Sql = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function rows<T>(sql: Sql, text: string, params?: unknown[]): Promise<T[]> {
  return (await sql.query(text, params)).rows as T[];
}

/**
 * A row's text depends on these settings; fixing them makes checksums comparable between the backup and any
 * restore. Runs inside the caller's transaction.
 */
export async function fixTextSettings(sql: Sql): Promise<void> {
  for (const s of ["SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO, YMD'", "SET LOCAL IntervalStyle = 'postgres'", 'SET LOCAL extra_float_digits = 3', "SET LOCAL bytea_output = 'hex'"])
    await sql.query(s);
}

/**
 * The audit chain's tip per stream, read from the audit table as it is today. When the audit log becomes a keyed
 * chain with its own tip function, this is the one place to point at it.
 */
export async function auditTips(sql: Sql): Promise<Record<string, string>> {
  const tips = await rows<{ stream: string; hash: string }>(sql, 'SELECT DISTINCT ON (stream) stream, hash FROM audit_log ORDER BY stream, id DESC');
  return Object.fromEntries(tips.map((t) => [t.stream, t.hash]));
}

/**
 * The application's tables (partitioned parents stand for their partitions), parents before children. The backup
 * runs' own record stays out: its history belongs to the running installation and survives a restore.
 */
export async function listTables(sql: Sql): Promise<{ name: string; columns: string[] }[]> {
  const tables = await rows<{ name: string; columns: string[] }>(
    sql,
    `SELECT c.relname AS name,
            array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'backup_runs'
      ORDER BY c.relname`,
  );
  const refs = await rows<{ child: string; parent: string }>(
    sql,
    `SELECT DISTINCT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint f JOIN pg_class ch ON ch.oid = f.conrelid JOIN pg_class pa ON pa.oid = f.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE f.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid`,
  );
  const parents = new Map<string, Set<string>>();
  for (const r of refs) (parents.get(r.child) ?? parents.set(r.child, new Set()).get(r.child)!).add(r.parent);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: { name: string; columns: string[] }[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name)) return; // a cycle (none today) falls back to name order
    state.set(name, 'visiting');
    for (const p of [...(parents.get(name) ?? [])].sort()) if (byName.has(p)) visit(p);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const t of tables) visit(t.name);
  return ordered;
}

/** Row count and an order-free checksum (sums of each row's MD5 halves) of one table. */
export async function tableStats(sql: Sql, name: string): Promise<{ rows: number; checksum: string }> {
  const [r] = await rows<{ n: string; a: string; b: string }>(
    sql,
    `SELECT count(*)::text AS n,
            coalesce(sum(('x' || substr(h, 1, 15))::bit(60)::bigint), 0)::text AS a,
            coalesce(sum(('x' || substr(h, 16, 15))::bit(60)::bigint), 0)::text AS b
       FROM (SELECT md5(t::text) AS h FROM ${ident(name)} t) q`,
  );
  return { rows: Number(r!.n), checksum: `${r!.n}:${r!.a}:${r!.b}` };
}

export async function listSequences(sql: Sql): Promise<Manifest['sequences']> {
  const names = await rows<{ name: string }>(
    sql,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND t.relname = 'backup_runs')
      ORDER BY 1`,
  );
  const out: Manifest['sequences'] = [];
  for (const { name } of names) {
    const [s] = await rows<{ v: string; c: boolean }>(sql, `SELECT last_value::text AS v, is_called AS c FROM ${ident(name)}`);
    out.push({ name, lastValue: s!.v, isCalled: s!.c });
  }
  return out;
}

export async function migrationLevel(sql: Sql): Promise<Manifest['migrations']> {
  const [r] = await rows<{ n: string; h: string | null }>(
    sql,
    'SELECT count(*)::text AS n, (SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id DESC LIMIT 1) AS h FROM drizzle.__drizzle_migrations',
  );
  return { count: Number(r!.n), lastHash: r!.h };
}

/** How many migrations this program carries. */
export function codeMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export function tracenetVersion(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(MIGRATIONS_FOLDER, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Everything but the data, read in the caller's (snapshot) transaction. */
export async function readManifest(sql: Sql, kind: Manifest['kind']): Promise<Manifest> {
  await fixTextSettings(sql);
  const tables: Manifest['tables'] = [];
  for (const t of await listTables(sql)) tables.push({ ...t, ...(await tableStats(sql, t.name)) });
  return {
    format: 1,
    kind,
    createdAt: new Date().toISOString(),
    tracenetVersion: tracenetVersion(),
    migrations: await migrationLevel(sql),
    tables,
    sequences: await listSequences(sql),
    auditTips: await auditTips(sql),
  };
}

export type Comparison = { ok: boolean; problems: string[]; tables: number; rows: number; streams: number };

/** Compares a restored database, read in the caller's transaction, with the manifest. */
export async function compareWithManifest(sql: Sql, manifest: Manifest): Promise<Comparison> {
  await fixTextSettings(sql);
  const problems: string[] = [];
  const present = new Set((await listTables(sql)).map((t) => t.name));
  let total = 0;
  for (const t of manifest.tables) {
    if (!present.has(t.name)) {
      problems.push(`table ${t.name} missing`);
      continue;
    }
    const s = await tableStats(sql, t.name);
    total += s.rows;
    if (s.rows !== t.rows) problems.push(`${t.name}: ${s.rows} rows, manifest ${t.rows}`);
    else if (s.checksum !== t.checksum) problems.push(`${t.name}: checksum differs`);
  }
  const tips = await auditTips(sql);
  const streams = new Set([...Object.keys(tips), ...Object.keys(manifest.auditTips)]);
  for (const s of streams) if (tips[s] !== manifest.auditTips[s]) problems.push(`audit stream ${s}: tip differs`);
  return { ok: problems.length === 0, problems, tables: manifest.tables.length, rows: total, streams: streams.size };
}

import { sql } from 'drizzle-orm';
import type { Executor } from './client.js';

// Least privilege on PostgreSQL (issue 19): migrations run as the schema's owner (MIGRATION_DATABASE_URL); the
// application connects as a role that may read and write the tables but only INSERT and SELECT the audit log, so
// even the application's own credentials cannot rewrite, delete or truncate the record of what was done.

const ROLE = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function assertRoleName(role: string): void {
  if (!ROLE.test(role)) throw new Error(`not a role name: ${role}`);
}

/** The user name of a postgres:// URL. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres';
}

/**
 * Grants the application's role what it needs, on the owner's connection, after every migration (new tables get
 * their grants at the next start). The audit log and its key boundary are withheld from UPDATE, DELETE, TRUNCATE.
 */
export async function grantAppRole(owner: Executor, role: string): Promise<void> {
  assertRoleName(role);
  const r = sql.identifier(role);
  await owner.execute(sql`GRANT USAGE ON SCHEMA public TO ${r}`);
  await owner.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await owner.execute(sql`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  await owner.execute(sql`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${r}`);
  await owner.execute(sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_key_boundary FROM ${r}`);
}

/** Creates the application's login role when it does not exist yet (the command line's `db grant-app-role`). */
export async function createAppRole(owner: Executor, role: string, password: string): Promise<boolean> {
  assertRoleName(role);
  const exists = (await owner.execute(sql`SELECT 1 FROM pg_roles WHERE rolname = ${role}`)) as unknown as { rows: unknown[] };
  if (exists.rows.length) return false;
  // CREATE ROLE takes no parameters: the server itself quotes the name and the password (format %I, %L).
  const built = (await owner.execute(
    sql`SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', ${role}::text, ${password}::text) AS stmt`,
  )) as unknown as { rows: { stmt: string }[] };
  await owner.execute(sql.raw(built.rows[0]!.stmt));
  return true;
}

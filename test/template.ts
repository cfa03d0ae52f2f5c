import pg from 'pg';

/** Shared by the global setup and the per-file harness: where the migrated, seeded template lives. */
export const TEST_SECRET = 'test-secret-key-test-secret-key-0123456789';
/** One dump per test run (named by the run's pid), so that runs side by side never read each other's half-written file. */
export const pgliteTemplatePath = (pid: number) => new URL(`../.tmp/pglite-template-${pid}.tar.gz`, import.meta.url).pathname;

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

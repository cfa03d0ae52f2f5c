import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { adminQuery, testDatabaseUrl, withDatabase } from '../../../test/template.js';
import { openPostgres, poolOf } from './client.js';
import { queryRows } from './rows.js';

const url = testDatabaseUrl();

describe.skipIf(!url)('the PostgreSQL pool', () => {
  it('survives the server dropping an idle connection, counts it, and opens a new one', { timeout: 30_000 }, async () => {
    const name = `tn_pool_${randomBytes(5).toString('hex')}`;
    await adminQuery(url!, `CREATE DATABASE ${name}`);
    const database = await openPostgres(withDatabase(url!, name), 2);
    try {
      // Two statements side by side hold both connections; both are idle in the pool afterwards.
      await Promise.all([database.db.execute(sql`SELECT pg_sleep(0.05)`), database.db.execute(sql`SELECT pg_sleep(0.05)`)]);
      expect(database.poolStats!()).toMatchObject({ idle: 2, lost: 0 });
      await adminQuery(url!, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      await expect.poll(() => database.poolStats!().lost, { timeout: 5_000 }).toBe(2);
      const [row] = await queryRows<{ one: number }>(database.db, sql`SELECT 1 AS one`);
      expect(row!.one).toBe(1);
    } finally {
      await database.close();
      await adminQuery(url!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('closes only once every connection has ended, so dropping the database at once kills none of them', { timeout: 30_000 }, async () => {
    const name = `tn_pool_${randomBytes(5).toString('hex')}`;
    await adminQuery(url!, `CREATE DATABASE ${name}`);
    const database = await openPostgres(withDatabase(url!, name), 3);
    await Promise.all([1, 2, 3].map(() => database.db.execute(sql`SELECT pg_sleep(0.01)`)));
    let ended = 0;
    poolOf(database.db)!.on('remove', () => ended++);
    await database.close();
    expect(ended).toBe(3);
    await adminQuery(url!, `DROP DATABASE ${name} WITH (FORCE)`);
    expect(database.poolStats!().lost).toBe(0);
  });
});

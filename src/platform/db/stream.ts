import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { poolOf, toQuery, type Executor } from './client.js';
import { queryRows } from './rows.js';

/**
 * Raw SQL whose rows are handed to `onRow` one at a time as they arrive, for a large read with work of its own on
 * each row (the recall list decrypts every holder's phone): on PostgreSQL that work runs while the server is still
 * producing the next rows, on the other core, instead of after the last one. `onRow` answering `false` ends the
 * read there: the connection is closed, which stops the server too. An error thrown by `onRow` ends it the same way
 * and is the read's error (thrown inside the driver's socket handler it would break the connection). PGlite, and an
 * open transaction, answer all at once; the rows are then handed over the same way.
 */
export async function forEachRow<T>(db: Executor, query: SQL, onRow: (row: T) => void | false): Promise<void> {
  const pool = poolOf(db);
  if (!pool) {
    for (const row of await queryRows<T>(db, query)) if (onRow(row) === false) break;
    return;
  }
  const { text, params } = toQuery(query);
  const client = await pool.connect();
  let broken: Error | undefined;
  // A lost connection is reported on the client as well as on the query: unheard, it would end the process.
  const lost = (err: Error) => (broken ??= err);
  client.on('error', lost);
  try {
    await new Promise<void>((resolve, reject) => {
      const read = client.query(new pg.Query<T & pg.QueryResultRow>(text, params));
      read.on('row', (row) => {
        if (broken) return;
        try {
          if (onRow(row) !== false) return;
          broken = new Error('read ended early');
          resolve();
        } catch (error) {
          broken = new Error('read ended by its row work');
          reject(error);
        }
      });
      read.on('error', (err) => reject((broken ??= err)));
      read.on('end', () => resolve());
    });
  } finally {
    client.removeListener('error', lost);
    // A read ended early or failed closes its connection, as `pool.query` does on failure: never handed out again.
    client.release(broken);
  }
}

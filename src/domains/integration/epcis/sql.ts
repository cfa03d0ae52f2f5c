import { sql, type SQL } from 'drizzle-orm';

/** A text[] parameter list (drizzle binds a JS array as one value only for array columns it knows). */
export const textArray = (values: readonly string[]): SQL => (values.length ? sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`'{}'::text[]`);

import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { regionRange } from '../auth/visibility.js';
import { chinaDayRange } from '../china-time.js';
import type { ListScope } from './list-scope.shared.js';

/** The conditions of a list's scope (list-scope.shared.ts) over its region column and the date its figure counts by. */
export function listScopeWhere(q: ListScope, region: AnyPgColumn | SQL, at: AnyPgColumn): SQL[] {
  return [...(q.region ? [regionRange(region, q.region)] : []), ...chinaDayRange(at, q.from, q.to)];
}

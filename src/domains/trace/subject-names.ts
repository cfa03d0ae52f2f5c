import { sql, type SQL } from 'drizzle-orm';
import { subjectNames } from '../registry/index.js';

/**
 * A subject's name by its id, as a scalar subquery on the registry's view `registry_subject_names` (the registry's
 * table stays its own): trade lists, a chain's holders and a code's look-up print holders in the same statement.
 */
export const subjectNameOf = (subjectId: SQL) => sql<string | null>`(SELECT ${subjectNames.name} FROM ${subjectNames} WHERE ${subjectNames.id} = ${subjectId})`;

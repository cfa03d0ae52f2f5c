import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Pii } from '../../platform/pii/pii.js';

/** `pii`: to find a subject by the identity code an officer types (its ID number is stored hashed). */
export type EnforcementDeps = { db: Db; files: FileStorage; pii: Pii };

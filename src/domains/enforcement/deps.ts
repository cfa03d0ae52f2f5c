import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';

export type EnforcementDeps = { db: Db; files: FileStorage };

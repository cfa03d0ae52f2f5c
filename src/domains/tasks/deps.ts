import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';

export type TasksDeps = { db: Db; files: FileStorage };

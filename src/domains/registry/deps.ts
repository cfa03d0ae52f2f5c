import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Pii } from '../../platform/pii/pii.js';

export type RegistryDeps = { db: Db; pii: Pii; config: Config; files: FileStorage };

import type { Grants } from '../../platform/auth/permissions.js';
import type { Config } from '../../platform/config.js';
import type { Db, Tx } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Pii } from '../../platform/pii/pii.js';

/** A product an inspector recorded with an unregistered producer: its name and class (追溯产品分类). */
export type FieldProduct = { name: string; classCode: string };
/** Stores those products with the temporary subject, in its transaction (the trace domain's products; app.ts hands it in). */
export type FieldProductWriter = (tx: Tx, subjectId: string, createdBy: string, products: FieldProduct[]) => Promise<void>;

export type RegistryDeps = { db: Db; pii: Pii; config: Config; files: FileStorage; grants: Grants; fieldProducts?: FieldProductWriter };

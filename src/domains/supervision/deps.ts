import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';

/** Whether a record of another domain that the actor may see holds this field photo (an enforcement case's record). */
export type PhotoHolder = (db: Executor, actor: AgencyActor, fileId: string) => Promise<boolean>;

export type SupervisionDeps = { db: Db; files: FileStorage; photoHolders?: PhotoHolder[] };

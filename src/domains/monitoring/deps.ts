import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Notifier } from '../../platform/notify/notifier.js';
import type { Pii } from '../../platform/pii/pii.js';

/**
 * `config`: the key temporary product codes are issued with; `files`: field photos; `pii`: the recall list's holders;
 * `notifier`: recall notices to the holders' consoles.
 */
export type MonitoringDeps = { db: Db; config: Config; files: FileStorage; pii: Pii; notifier: Notifier };

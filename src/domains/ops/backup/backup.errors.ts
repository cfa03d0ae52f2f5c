import { defineErrors } from '../../../platform/http/errors.js';

/** Every refusal of a backup or restore; the command line prints the code and both messages. */
export const backupError = defineErrors({
  BACKUP_NOT_A_BACKUP: { status: 400, zh: '该文件不是 Tracenet 备份文件', en: 'This file is not a Tracenet backup' },
  BACKUP_KEY_MISMATCH: {
    status: 400,
    zh: '密钥不符：该备份不是用当前的 SECRET_KEY 制作的（或文件头已损坏），未做任何改动',
    en: 'Key mismatch: this backup was not made with the current SECRET_KEY (or its header is damaged); nothing was changed',
  },
  BACKUP_CORRUPT: {
    status: 400,
    zh: (d) => `备份文件已损坏（第 ${String(d.chunk)} 块校验失败），未做任何改动`,
    en: (d) => `The backup file is damaged (chunk ${String(d.chunk)} fails its authentication check); nothing was changed`,
  },
  BACKUP_TRUNCATED: {
    status: 400,
    zh: '备份文件不完整（已被截断），未做任何改动',
    en: 'The backup file is incomplete (truncated); nothing was changed',
  },
  BACKUP_KIND_MISMATCH: {
    status: 400,
    zh: (d) => `该备份来自${d.backup === 'pglite' ? '嵌入式数据库' : ' PostgreSQL'}，不能恢复到${d.target === 'pglite' ? '嵌入式数据库' : ' PostgreSQL'}`,
    en: (d) => `This backup is of ${String(d.backup)}; it cannot be restored into ${String(d.target)}`,
  },
  BACKUP_MIGRATION_MISMATCH: {
    status: 400,
    zh: (d) => `备份的数据库结构版本（${String(d.backup)}）与本程序（${String(d.current)}）不一致，请用制作该备份的 Tracenet 版本恢复`,
    en: (d) => `The backup's migration level (${String(d.backup)}) differs from this program's (${String(d.current)}); restore with the Tracenet version that made it`,
  },
  BACKUP_VERIFY_FAILED: {
    status: 400,
    zh: (d) => `恢复后的数据与备份清单不符（${String(d.problems)}），未做任何改动`,
    en: (d) => `The restored data does not match the backup's manifest (${String(d.problems)}); nothing was changed`,
  },
  BACKUP_DATABASE_IN_USE: {
    status: 409,
    zh: (d) => `嵌入式数据库正被进程 ${String(d.pid)} 使用，请先停止服务器再恢复`,
    en: (d) => `The embedded database is in use by process ${String(d.pid)}; stop the server before restoring`,
  },
  BACKUP_FILE_CHANGED: {
    status: 409,
    zh: '备份文件在校验与恢复之间被改动，未做任何改动',
    en: 'The backup file changed between its check and the restore; nothing was changed',
  },
});

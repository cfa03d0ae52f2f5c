import type { opsZh } from './messages.ops.zh';

export const opsEn: Record<keyof typeof opsZh, string> = {
  'perm.backup.read': 'View database backup runs',
  'backup.title': 'Database backups',
  'backup.hint': 'Scheduled backups run on the server by the configured schedule; every run (backups by hand on the command line included) is recorded here.',
  'backup.startedAt': 'Started',
  'backup.trigger': 'How',
  'backup.trigger.schedule': 'Scheduled',
  'backup.trigger.manual': 'By hand',
  'backup.file': 'Backup file',
  'backup.size': 'Size',
  'backup.duration': 'Duration',
  'backup.result': 'Result',
  'backup.ok': 'Succeeded',
  'backup.failed': 'Failed',
  'backup.running': 'Running',
  'backup.errorDetail': 'Reason recorded by the server: {error}',
  'backup.loadFailed': 'The backup runs could not be loaded: {error}',
  'backup.seconds': '{n} s',
  'backup.empty': 'No backup runs yet',
};

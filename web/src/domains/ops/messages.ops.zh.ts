// The console's words for operations (运行维护: 数据库备份), spread into messages.zh.ts.
// messages.ops.en.ts must have the same keys.
export const opsZh = {
  'perm.backup.read': '查看数据库备份记录',
  'backup.title': '数据库备份',
  'backup.hint': '定时备份由服务器按配置的时间表自动运行，每次运行（含命令行手动备份）的结果记录于此。',
  'backup.startedAt': '开始时间',
  'backup.trigger': '方式',
  'backup.trigger.schedule': '定时',
  'backup.trigger.manual': '手动',
  'backup.file': '备份文件',
  'backup.size': '大小',
  'backup.duration': '耗时',
  'backup.result': '结果',
  'backup.ok': '成功',
  'backup.failed': '失败',
  'backup.running': '进行中',
  'backup.errorDetail': '服务器记录的失败原因：{error}',
  'backup.loadFailed': '备份记录加载失败：{error}',
  'backup.seconds': '{n} 秒',
  'backup.empty': '尚无备份记录',
} as const;

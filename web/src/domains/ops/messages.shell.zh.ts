// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.backups': '数据库备份',
  'menu.jobs': '作业队列',
  'menu.feedback': '用户反馈',
  'menu.incidents': '应急响应',
  'menu.myFeedback': '我的反馈',
  'feedback.button': '反馈问题',
} as const;

// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.notices': '通知管理',
  'inbox.menu': '通知',
  'menu.announcements': '系统公告',
  'inbox.bell': '通知（{n} 条未读）',
  'notices.webhooksPaused': '接入系统“{client}”有 {count} 个回调地址因连续推送失败已暂停，推送的变更暂存待发。',
  'notices.webhooksPausedOpen': '查看原因并恢复推送',
} as const;

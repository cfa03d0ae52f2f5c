// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.home': '首页',
  'menu.statistics': '综合统计',
  'menu.monitors': '业务监控',
  'menu.rectifications': '责令整改',
  'menu.assessment': '追溯考核',
  'menu.reports': '信息调度',
} as const;

// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.tasks': '任务与通知',
  'menu.inspect': '基地巡查',
  'menu.inspections': '巡查记录',
  'menu.checklists': '检查表模板',
} as const;

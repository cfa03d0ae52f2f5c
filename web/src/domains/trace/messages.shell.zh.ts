// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.lookup': '追溯查询',
  'menu.batches': '批次',
  'menu.trades': '交易',
  'menu.scan': '扫码',
  'menu.products': '产品',
  'menu.bases': '生产基地',
} as const;

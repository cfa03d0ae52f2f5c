// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.sampling': '现场抽样',
  'menu.samples': '样品与检测',
  'menu.summaries': '监测汇总',
  'menu.alerts': '监测预警',
  'menu.lab': '实验室设置',
  'menu.reference': '检测参照数据',
  'menu.recallNotices': '召回通知',
} as const;

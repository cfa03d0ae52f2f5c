// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9). The cases' words are still
// with supervision's (messages.supervision).
export const shellZh = {
  'menu.cases': '执法案件',
} as const;

// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.traceChecks': '追溯挂钩核查',
  'menu.coverage': '认证主体覆盖',
  'menu.integration': '平台对接',
} as const;

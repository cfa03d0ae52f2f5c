// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.help': '帮助中心',
  'help.thisPage': '本页帮助',
} as const;

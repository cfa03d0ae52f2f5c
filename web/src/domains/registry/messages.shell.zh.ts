// What the shell shows of this domain before any of its pages (its menu labels, its header widgets): with the main
// code; the domain's other words load with its pages (messages.zh.ts, issue 15 §9).
export const shellZh = {
  'menu.applications': '注册审核',
  'menu.changeRequests': '变更审核',
  'menu.subjects': '生产经营主体',
  'menu.mySubject': '本主体',
} as const;

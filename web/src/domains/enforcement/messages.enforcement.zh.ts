// The enforcement pages' own menu entry; the cases' other words are still with supervision's (messages.supervision).
export const enforcementZh = {
  'menu.cases': '执法案件',
} as const;

// The producer's switch for the public showcase (在线展示), spread into the trace domain's words.
export const showcaseZh = {
  'action.trace.product_showcase': '设置产品展示',
  'showcase.label': '在线展示',
  'showcase.hint': '打开后，该产品会出现在公开的“可追溯农产品展示”页面，供采购商对接货源；只显示产品、分类、主体名称、所在县和有效认证，不显示电话和地址。',
  'showcase.shown': '已在在线展示中显示该产品',
  'showcase.hidden': '已不再展示该产品',
} as const;

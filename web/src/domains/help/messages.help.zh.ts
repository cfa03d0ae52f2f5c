// The console's words for the help centre (帮助中心), spread into messages.zh.ts. messages.help.en.ts must have the same keys.
export const helpZh = {
  'help.title': '帮助中心',
  'help.searchPlaceholder': '搜索操作指南，例如：销售、召回、巡查',
  'help.results': '找到 {n} 个相关章节',
  'help.noResults': '没有找到相关内容，请换个关键词试试',
  'help.chineseOnly': '操作指南以中文编写。',
};

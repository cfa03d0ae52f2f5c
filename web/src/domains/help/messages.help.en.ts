import type { helpZh } from './messages.help.zh';

export const helpEn: Record<keyof typeof helpZh, string> = {
  'help.title': 'Help centre',
  'help.searchPlaceholder': 'Search the guides (written in Chinese)',
  'help.results': '{n} matching sections',
  'help.noResults': 'Nothing found; try another word',
  'help.chineseOnly': 'The operation guides are written in Chinese.',
};

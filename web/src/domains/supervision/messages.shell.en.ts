import type { shellZh } from './messages.shell.zh';

// English for the words the shell shows of this domain; the same keys as messages.shell.zh.ts.
export const shellEn: Record<keyof typeof shellZh, string> = {
  'menu.tasks': 'Tasks & notices',
  'menu.inspect': 'Base inspection',
  'menu.inspections': 'Inspections',
  'menu.checklists': 'Checklists',
};

import type { shellZh } from './messages.shell.zh';

// English for the words the shell shows of this domain; the same keys as messages.shell.zh.ts.
export const shellEn: Record<keyof typeof shellZh, string> = {
  'menu.home': 'Home',
  'menu.statistics': 'Statistics overview',
  'menu.monitors': 'Business monitors',
  'menu.rectifications': 'Rectification notices',
  'menu.assessment': 'Assessment',
  'menu.reports': 'Periodic reports',
};

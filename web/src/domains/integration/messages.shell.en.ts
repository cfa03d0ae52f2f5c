import type { shellZh } from './messages.shell.zh';

// English for the words the shell shows of this domain; the same keys as messages.shell.zh.ts.
export const shellEn: Record<keyof typeof shellZh, string> = {
  'menu.traceChecks': 'Traceability checks',
  'menu.coverage': 'Certified holders',
  'menu.integration': 'Data exchange',
};

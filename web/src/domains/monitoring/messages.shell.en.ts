import type { shellZh } from './messages.shell.zh';

// English for the words the shell shows of this domain; the same keys as messages.shell.zh.ts.
export const shellEn: Record<keyof typeof shellZh, string> = {
  'menu.sampling': 'Sampling',
  'menu.samples': 'Samples & tests',
  'menu.summaries': 'Monitoring summaries',
  'menu.alerts': 'Monitoring alerts',
  'menu.lab': 'Lab settings',
  'menu.reference': 'Reference data',
  'menu.recallNotices': 'Recall notices',
};

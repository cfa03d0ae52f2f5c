import type { shellZh } from './messages.shell.zh';

// English for the words the shell shows of this domain; the same keys as messages.shell.zh.ts.
export const shellEn: Record<keyof typeof shellZh, string> = {
  'menu.backups': 'Database backups',
  'menu.jobs': 'Job queue',
  'menu.feedback': 'User feedback',
  'menu.incidents': 'Incidents',
  'menu.myFeedback': 'My feedback',
  'feedback.button': 'Feedback',
};

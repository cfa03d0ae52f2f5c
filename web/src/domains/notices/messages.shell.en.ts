import type { shellZh } from './messages.shell.zh';

// English for the words the shell shows of this domain; the same keys as messages.shell.zh.ts.
export const shellEn: Record<keyof typeof shellZh, string> = {
  'menu.notices': 'Notices to producers',
  'inbox.menu': 'Notices',
  'menu.announcements': 'Announcements',
  'inbox.bell': 'Notices ({n} unread)',
  'notices.webhooksPaused': 'Client system “{client}” has {count} webhook endpoint(s) paused after repeated failed deliveries; its changes are held.',
  'notices.webhooksPausedOpen': 'See why and resume',
};

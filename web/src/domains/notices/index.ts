import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [
  { path: '/notices', label: 'menu.notices', order: 80, group: 'subjects', permission: 'notice.send', agencyOnly: true },
  { path: '/inbox', label: 'inbox.menu', order: 210, group: 'subjects', permission: 'notice.read', subjectOnly: true },
  { path: '/ops/announcements', label: 'menu.announcements', order: 330, group: 'system', permission: 'announcement.publish' },
] as const satisfies readonly MenuEntry[];

/** 系统公告 for everyone and 通知 to producers, with their read receipts. */
export const noticesConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'notices',
  routes: [
    { path: 'ops/announcements', permission: 'announcement.publish', page: lazy(() => import('./AnnouncementsPage')) },
    { path: 'notices', permission: 'notice.send', page: lazy(() => import('./NoticesPage')) },
    { path: 'notices/new', permission: 'notice.send', page: lazy(() => import('./NoticeFormPage')) },
    { path: 'notices/:id', permission: 'notice.send', page: lazy(() => import('./NoticeDetailPage')) },
    { path: 'inbox', permission: 'notice.read', page: lazy(() => import('./InboxPage')) },
    { path: 'inbox/:id', permission: 'notice.read', page: lazy(() => import('./InboxNoticePage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

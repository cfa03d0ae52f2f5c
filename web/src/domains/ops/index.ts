import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [
  { path: '/audit', label: 'menu.audit', order: 280, group: 'system', permission: 'audit.read' },
  { path: '/ops/backups', label: 'menu.backups', order: 290, group: 'system', permission: 'backup.read' },
  { path: '/ops/jobs', label: 'menu.jobs', order: 300, group: 'system', permission: 'job.read' },
  { path: '/ops/feedback', label: 'menu.feedback', order: 310, group: 'system', permission: 'feedback.handle' },
  { path: '/ops/incidents', label: 'menu.incidents', order: 320, group: 'system', permission: 'incident.read' },
  { path: '/feedback/mine', label: 'menu.myFeedback', order: 360, permission: 'feedback.file' },
] as const satisfies readonly MenuEntry[];

/** Running the platform: the audit log, backups, the job queue, users' feedback, incidents. */
export const opsConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'ops',
  routes: [
    { path: 'audit', permission: 'audit.read', page: lazy(() => import('./AuditPage')) },
    { path: 'ops/backups', permission: 'backup.read', page: lazy(() => import('./BackupsPage')) },
    { path: 'ops/jobs', permission: 'job.read', page: lazy(() => import('./JobsPage')) },
    { path: 'feedback/mine', permission: 'feedback.file', page: lazy(() => import('./MyFeedbackPage')) },
    { path: 'ops/feedback', permission: 'feedback.handle', page: lazy(() => import('./FeedbackPage')) },
    { path: 'ops/incidents', permission: 'incident.read', page: lazy(() => import('./IncidentsPage')) },
    { path: 'ops/incidents/:id', permission: 'incident.read', page: lazy(() => import('./IncidentPage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

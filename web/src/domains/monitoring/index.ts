import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [
  { path: '/monitoring/sampling', label: 'menu.sampling', order: 140, group: 'monitoring', permission: 'monitoring.sample' },
  { path: '/monitoring/samples', label: 'menu.samples', order: 150, group: 'monitoring', permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/summaries', label: 'menu.summaries', order: 160, group: 'analytics', permission: 'monitoring.read', agencyOnly: true },
  { path: '/monitoring/alerts', label: 'menu.alerts', order: 170, group: 'monitoring', permission: 'monitoring.alert_read' },
  { path: '/monitoring/lab', label: 'menu.lab', order: 180, group: 'monitoring', permission: 'monitoring.sample' },
  { path: '/monitoring/reference', label: 'menu.reference', order: 185, group: 'monitoring', permission: 'monitoring.reference' },
  { path: '/trace/recall-notices', label: 'menu.recallNotices', order: 240, group: 'trace', permission: 'trace.read', subjectOnly: true },
] as const satisfies readonly MenuEntry[];

/** Monitoring: sampling, the lab's bench, summaries, alerts and the recalls they order. */
export const monitoringConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'monitoring',
  routes: [
    { path: 'monitoring/sampling', permission: 'monitoring.sample', page: lazy(() => import('./SamplePage')) },
    { path: 'monitoring/samples', permission: 'monitoring.read', page: lazy(() => import('./SamplesPage')) },
    { path: 'monitoring/samples/:id', permission: 'monitoring.read', page: lazy(() => import('./SampleDetailPage')) },
    { path: 'monitoring/summaries', permission: 'monitoring.read', page: lazy(() => import('./MonitoringTasksPage')) },
    { path: 'monitoring/tasks/:taskId/summary', permission: 'monitoring.read', page: lazy(() => import('./TaskSummaryPage')) },
    { path: 'monitoring/alerts', permission: 'monitoring.alert_read', page: lazy(() => import('./AlertsPage')) },
    { path: 'monitoring/alerts/:id', permission: 'monitoring.alert_read', page: lazy(() => import('./AlertDetailPage')) },
    { path: 'monitoring/recall-orders/:id', permission: 'monitoring.alert', page: lazy(() => import('./RecallOrderPage')) },
    { path: 'monitoring/lab', permission: 'monitoring.sample', page: lazy(() => import('./LabSettingsPage')) },
    { path: 'monitoring/reference', permission: 'monitoring.read', page: lazy(() => import('./ReferenceDataPage')) },
    { path: 'trace/recall-notices', permission: 'trace.read', page: lazy(() => import('./RecallNoticesPage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

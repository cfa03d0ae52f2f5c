import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [
  { path: '/home', label: 'menu.home', order: 0 },
  { path: '/analytics/statistics', label: 'menu.statistics', order: 155, group: 'analytics', permission: 'analytics.statistics' },
  { path: '/analytics/monitors', label: 'menu.monitors', order: 156, group: 'analytics', permission: 'monitor.read', agencyOnly: true },
  { path: '/analytics/rectifications', label: 'menu.rectifications', order: 157, group: 'analytics', permission: 'monitor.read', agencyOnly: true },
  { path: '/analytics/assessment', label: 'menu.assessment', order: 158, group: 'analytics', permission: 'monitor.target', agencyOnly: true },
  { path: '/analytics/reports', label: 'menu.reports', order: 159, group: 'analytics', permission: 'report.read', agencyOnly: true },
  { path: '/rectifications', label: 'menu.rectifications', order: 86, group: 'subjects', permission: 'rectification.answer', subjectOnly: true },
] as const satisfies readonly MenuEntry[];

/** 首页 and 大数据应用: every role's home page, and the statistics of a jurisdiction by region, period and product. */
export const analyticsConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'analytics',
  routes: [
    { path: 'home', page: lazy(() => import('./HomePage')) },
    { path: 'analytics/statistics', permission: 'analytics.statistics', page: lazy(() => import('./StatisticsPage')) },
    { path: 'analytics/monitors', permission: 'monitor.read', page: lazy(() => import('./monitors/MonitorsPage')) },
    { path: 'analytics/rectifications', permission: 'monitor.read', page: lazy(() => import('./monitors/RectificationsPage')) },
    { path: 'rectifications', permission: 'rectification.answer', page: lazy(() => import('./monitors/RectificationsPage')) },
    { path: 'analytics/assessment', permission: 'monitor.target', page: lazy(() => import('./monitors/AssessmentPage')) },
    { path: 'analytics/reports', permission: 'report.read', page: lazy(() => import('./reports/ReportsPage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

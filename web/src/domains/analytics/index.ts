import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import { analyticsZh } from './messages.analytics.zh';

const zh = { ...analyticsZh };

const menu = [
  { path: '/home', label: 'menu.home', order: 0 },
  { path: '/analytics/statistics', label: 'menu.statistics', order: 155, group: 'analytics', permission: 'analytics.statistics' },
] as const satisfies readonly MenuEntry[];

/** 首页 and 大数据应用: every role's home page, and the statistics of a jurisdiction by region, period and product. */
export const analyticsConsole: ConsoleDomain<typeof zh, (typeof menu)[number]['path']> = {
  name: 'analytics',
  routes: [
    { path: 'home', page: lazy(() => import('./HomePage')) },
    { path: 'analytics/statistics', permission: 'analytics.statistics', page: lazy(() => import('./StatisticsPage')) },
  ],
  menu,
  messages: { zh },
};

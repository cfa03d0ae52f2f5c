import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import { enforcementZh } from './messages.enforcement.zh';

const zh = enforcementZh;

const menu = [{ path: '/enforcement/cases', label: 'menu.cases', order: 130, group: 'supervision', permission: 'enforcement.read' }] as const satisfies readonly MenuEntry[];

/** Enforcement cases (执法案件), from filing to closing. */
export const enforcementConsole: ConsoleDomain<typeof zh, (typeof menu)[number]['path']> = {
  name: 'enforcement',
  routes: [
    { path: 'enforcement/cases', permission: 'enforcement.read', page: lazy(() => import('./CasesPage')) },
    { path: 'enforcement/cases/:id', permission: 'enforcement.read', page: lazy(() => import('./CaseDetailPage')) },
  ],
  menu,
  messages: { zh },
};

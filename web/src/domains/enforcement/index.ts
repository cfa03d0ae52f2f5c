import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [{ path: '/enforcement/cases', label: 'menu.cases', order: 130, group: 'supervision', permission: 'enforcement.read' }] as const satisfies readonly MenuEntry[];

/** Enforcement cases (执法案件), from filing to closing. */
export const enforcementConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'enforcement',
  routes: [
    { path: 'enforcement/cases', permission: 'enforcement.read', page: lazy(() => import('./CasesPage')) },
    { path: 'enforcement/cases/:id', permission: 'enforcement.read', page: lazy(() => import('./CaseDetailPage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

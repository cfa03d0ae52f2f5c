import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [
  { path: '/trace-checks', label: 'menu.traceChecks', order: 85, group: 'subjects', permission: 'integration.trace_check' },
  { path: '/coverage', label: 'menu.coverage', order: 165, group: 'analytics', permission: 'integration.coverage' },
  { path: '/integration', label: 'menu.integration', order: 340, group: 'system', permission: 'integration.read' },
] as const satisfies readonly MenuEntry[];

/** 平台对接: the systems that call the platform, their keys and calls (and the EPCIS interface's words). */
export const integrationConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'integration',
  routes: [
    { path: 'integration', permission: 'integration.read', page: lazy(() => import('./IntegrationPage')) },
    { path: 'integration/:id', permission: 'integration.read', page: lazy(() => import('./ClientPage')) },
    { path: 'trace-checks', permission: 'integration.trace_check', page: lazy(() => import('./TraceChecksPage')) },
    { path: 'trace-checks/:id', permission: 'integration.trace_check', page: lazy(() => import('./TraceCheckPage')) },
    { path: 'coverage', permission: 'integration.coverage', page: lazy(() => import('./CoveragePage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

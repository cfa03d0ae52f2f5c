import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import { epcisZh } from './messages.epcis.zh';
import { integrationZh } from './messages.integration.zh';

const zh = { ...integrationZh, ...epcisZh };

const menu = [{ path: '/integration', label: 'menu.integration', order: 340, group: 'system', permission: 'integration.read' }] as const satisfies readonly MenuEntry[];

/** 平台对接: the systems that call the platform, their keys and calls (and the EPCIS interface's words). */
export const integrationConsole: ConsoleDomain<typeof zh, (typeof menu)[number]['path']> = {
  name: 'integration',
  routes: [
    { path: 'integration', permission: 'integration.read', page: lazy(() => import('./IntegrationPage')) },
    { path: 'integration/:id', permission: 'integration.read', page: lazy(() => import('./ClientPage')) },
  ],
  menu,
  messages: { zh },
};

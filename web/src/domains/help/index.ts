import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [{ path: '/help', label: 'menu.help', order: 370 }] as const satisfies readonly MenuEntry[];

const HelpPage = lazy(() => import('./HelpPage'));

/** The help centre (帮助中心): open to applicants too; a signed-in reader gets it inside the console. */
export const helpConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'help',
  routes: [
    { path: 'help', page: HelpPage },
    { path: 'help/:guide', page: HelpPage },
  ],
  anonymousRoutes: [
    { path: 'help', page: HelpPage },
    { path: 'help/:guide', page: HelpPage },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

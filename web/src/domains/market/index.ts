import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

// The regulator's desk comes first in its menu: the first entry an account sees is its home page.
const menu = [
  { path: '/market', label: 'menu.market', order: 1, group: 'trace', permission: 'trace.market' },
  { path: '/market/vouchers', label: 'menu.marketVouchers', order: 2, group: 'trace', permission: 'trace.market' },
  { path: '/market/verify', label: 'menu.marketVerify', order: 3, group: 'trace', permission: 'trace.market' },
] as const satisfies readonly MenuEntry[];

/** 市场监督管理 (issue 21 §3): a market regulator's desk, its region's market-entry vouchers and the bulk code check. */
export const marketConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'market',
  routes: [
    { path: 'market', permission: 'trace.market', page: lazy(() => import('./MarketHomePage')) },
    { path: 'market/vouchers', permission: 'trace.market', page: lazy(() => import('./VouchersPage')) },
    { path: 'market/verify', permission: 'trace.market', page: lazy(() => import('./VerifyPage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

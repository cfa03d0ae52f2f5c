import { lazy } from 'react';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';
import { lazyPage } from '../../app/lazy-page';
import { COLD_PAGES } from '../../app/cold-pages';

const menu = [
  { path: '/trace/lookup', label: 'menu.lookup', order: 190, group: 'trace', permission: 'trace.graph', agencyOnly: true },
  { path: '/trace/batches', label: 'menu.batches', order: 220, group: 'trace', permission: 'trace.read' },
  { path: '/trace/trades', label: 'menu.trades', order: 230, group: 'trace', permission: 'trace.read' },
  { path: '/scan', label: 'menu.scan', order: 250, group: 'trace', permission: 'trace.read' },
  { path: '/trace/products', label: 'menu.products', order: 260, group: 'trace', permission: 'trace.read' },
  { path: '/trace/bases', label: 'menu.bases', order: 270, group: 'trace', permission: 'trace.read' },
] as const satisfies readonly MenuEntry[];

/** Traceability: the producer's bases, products, batches and trades, scanning, and the agencies' lookup. */
export const traceConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'trace',
  routes: [
    { path: 'trace/bases', permission: 'trace.read', page: lazy(() => import('./master-data/BasesPage')) },
    { path: 'trace/products', permission: 'trace.read', page: lazy(() => import('./master-data/ProductsPage')) },
    { path: 'trace/batches', permission: 'trace.read', page: lazyPage(() => import('./batches/BatchesPage'), COLD_PAGES.batches) },
    { path: 'trace/batches/new', permission: 'trace.write', page: lazy(() => import('./batches/BatchFormPage')) },
    { path: 'trace/batches/:id', permission: 'trace.read', page: lazyPage(() => import('./batches/BatchDetailPage'), COLD_PAGES.batch) },
    { path: 'trace/trades', permission: 'trace.read', page: lazy(() => import('./movements/TradesPage')) },
    { path: 'scan', permission: 'trace.read', page: lazy(() => import('./movements/ScanPage')) },
    { path: 'trace/lookup', permission: 'trace.graph', page: lazy(() => import('./codes/LookupPage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};

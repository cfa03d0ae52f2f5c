export { supervisionRoutes } from './routes.js';
export type { PhotoHolder, SupervisionDeps } from './deps.js';
export { markOverdueRectifications } from './rectification.overdue.js';
export { takeTransfer, transferById } from './transfer.service.js';

import type { DomainModule } from '../../platform/modules.js';
import { supervisionAudit } from './audit-actions.js';
import type { PhotoHolder as Holder } from './deps.js';
import { supervisionGrants } from './permissions.js';
import { supervisionRoutes as supervisionRoutesOf } from './routes.js';
import { markOverdueRectifications as rectifications } from './rectification.overdue.js';

declare module '../../platform/modules.js' {
  interface DomainHooks {
    /** A field photo is read by whoever may see a record holding it, other domains' records included. */
    photoHolders: Holder;
  }
}

/** 监管业务: base inspections, checklists and transfers to enforcement. */
export const supervisionModule: DomainModule = {
  name: 'supervision',
  permissions: [supervisionGrants],
  audit: [supervisionAudit],
  routes: (ctx) => [supervisionRoutesOf({ ...ctx, photoHolders: ctx.hooks.photoHolders ?? [] })],
  provides: { overdueSweeps: { rectifications } },
};

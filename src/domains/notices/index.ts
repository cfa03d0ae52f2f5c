export { noticesRoutes } from './routes.js';
export { unreadCount as unreadNoticeCount } from './producer-notices/notice.queries.js';

import type { DomainModule } from '../../platform/modules.js';
import { noticesAudit } from './audit-actions.js';
import { noticesGrants } from './permissions.js';
import { noticesRoutes as noticesRoutesOf } from './routes.js';

/** 通知公告: announcements and notices to producers. */
export const noticesModule: DomainModule = {
  name: 'notices',
  permissions: [noticesGrants],
  audit: [noticesAudit],
  routes: (ctx) => [noticesRoutesOf(ctx)],
};

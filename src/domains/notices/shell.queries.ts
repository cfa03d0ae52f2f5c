import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { bannersFor } from './announcements/announcement.queries.js';
import { unreadCount } from './producer-notices/notice.queries.js';
import { pausedWebhooksOf } from '../integration/index.js';

export async function shellNotices(db: Executor, actor: Actor) {
  return {
    announcements: await bannersFor(db, actor.userId),
    unreadNotices: actor.kind === 'subject' && actor.permissions.has('notice.read') ? await unreadCount(db, actor.subject.id) : null,
    // An admin who runs client systems hears of their webhooks paused after repeated failures until one is resumed.
    pausedWebhooks: actor.kind === 'agency' && actor.permissions.has('integration.manage') ? await pausedWebhooksOf(db, actor.agency.id) : [],
  };
}

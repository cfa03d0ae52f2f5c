import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import type { Pii } from '../../../platform/pii/pii.js';
import type { RegistryDeps } from '../deps.js';
import { registryError } from '../errors.js';
import { agencies } from '../schema.js';
import { insertUser } from './user.service.js';

/** A new installation's first account: the ministry agency and its administrator, from the command line. */
export async function bootstrapMinistry(db: Db, pii: Pii, input: { username: string; password: string; name: string }): Promise<void> {
  const deps = { db, pii } as RegistryDeps;
  const ctx = { actor: null, meta: { requestId: 'cli', ip: '127.0.0.1' } };
  await withTransaction(db, null, async (tx) => {
    const existing = await tx.select({ id: agencies.id }).from(agencies).where(sql`${agencies.level} = 'ministry'`);
    if (existing.length) throw registryError('AGENCY_EXISTS', { agencyId: existing[0]!.id });
    const [row] = await tx.insert(agencies).values({ name: input.name, kind: 'supervision', level: 'ministry', regionCode: '' }).returning();
    await recordAudit(tx, ctx, { action: 'agency.create', targetType: 'agency', targetId: row!.id, regionCode: '', after: { name: row!.name, level: 'ministry' } });
    await insertUser(deps, tx, ctx, row!, { username: input.username, displayName: '部级用户管理员', password: input.password, role: 'admin' });
  });
}

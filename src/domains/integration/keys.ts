import { randomBytes } from 'node:crypto';
import type { KeyState } from './integration.shared.js';
import type { integrationKeys } from './schema.js';

type KeyRow = typeof integrationKeys.$inferSelect;

/** A key id: public, sent with every request. */
export const newKeyId = () => `tnk_${randomBytes(12).toString('hex')}`;
/** A secret: 256 random bits, shown once. */
export const newSecret = () => `tns_${randomBytes(32).toString('base64url')}`;

/** A key signs while it is neither revoked nor past its expiry (set when it was rotated out). */
export function keyState(k: Pick<KeyRow, 'revokedAt' | 'expiresAt'>, now = new Date()): KeyState {
  if (k.revokedAt) return 'revoked';
  if (k.expiresAt) return k.expiresAt > now ? 'expiring' : 'expired';
  return 'active';
}

export const isLive = (k: Pick<KeyRow, 'revokedAt' | 'expiresAt'>, now = new Date()) => {
  const s = keyState(k, now);
  return s === 'active' || s === 'expiring';
};

export function keyView(k: KeyRow, now = new Date()) {
  return { id: k.id, state: keyState(k, now), createdAt: k.createdAt, expiresAt: k.expiresAt, revokedAt: k.revokedAt, lastUsedAt: k.lastUsedAt };
}

/** Live keys a client may hold at once: the current one and, during a rotation's overlap, the one going out. */
export const MAX_LIVE_KEYS = 2;

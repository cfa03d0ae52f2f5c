// The integration domain's vocabulary, shared by the server and the console (no server code here).

/** 平台对接: a provincial platform, a certification system, a market (批发/零售市场) or an online shop. */
export const CLIENT_KINDS = ['provincial_platform', 'certification', 'market', 'shop'] as const;
export type ClientKindName = (typeof CLIENT_KINDS)[number];
/** 三品一标 certification systems (绿色食品, 有机农产品, 农产品地理标志) and 农垦 (state farms' quality traceability). */
export const CERTIFICATION_SCHEMES = ['green', 'organic', 'geographical', 'state_farm'] as const;
export type CertificationScheme = (typeof CERTIFICATION_SCHEMES)[number];
export const CLIENT_STATUSES = ['active', 'disabled'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
/** A key signs while active, and while expiring (the overlap after a rotation); expired and revoked ones never. */
export const KEY_STATES = ['active', 'expiring', 'expired', 'revoked'] as const;
export type KeyState = (typeof KEY_STATES)[number];
/** Hours the old key keeps signing after a rotation, by default and at most. */
export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 720;

import { and, eq } from 'drizzle-orm';
import type { SubjectActor } from '../../../platform/auth/actor.js';
import type { Config } from '../../../platform/config.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import type { Notifier } from '../../../platform/notify/notifier.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { subjectOfIdentityToken } from '../../registry/index.js';
import type { TradeIn } from '../contracts.js';
import { traceError } from '../errors.js';
import { trades } from '../schema.js';
import type { BatchRow } from './stock.js';
import { LIVE_ANIMAL_UNITS } from '../units.shared.js';

// What the ways of trading share: their dependencies, the shipment's columns, the quarantine rule, the scanned
// counterparty, and why a decision on a pending trade was refused.

export type TradeDeps = { db: Db; config: Config; pii: Pii; notifier: Notifier };
type Shipment = Pick<TradeIn, 'carrier' | 'storage' | 'quarantineCert'>;

/** The driver's and a hand-recorded buyer's phones are personal data: kept encrypted like every phone (DESIGN.md §7). */
export const withPhoneEncrypted = <T extends { phone?: string | undefined }>(pii: Pii, v: T | undefined): T | null =>
  v ? { ...v, ...(v.phone ? { phone: pii.encrypt(v.phone) } : {}) } : null;

export const shipmentColumns = (pii: Pii, s: Shipment) => ({
  carrier: withPhoneEncrypted(pii, s.carrier) as Record<string, string> | null,
  storage: s.storage ?? null,
  quarantineCert: s.quarantineCert ?? null,
});

export { LIVE_ANIMAL_UNITS };
export function assertQuarantineCert(batch: Pick<BatchRow, 'unit'>, s: Shipment) {
  if (LIVE_ANIMAL_UNITS.includes(batch.unit) && !s.quarantineCert) throw traceError('QUARANTINE_CERT_REQUIRED');
}

/** A registered counterparty found by the token of its electronic identity (not oneself). */
export async function counterpartyByToken(deps: Pick<TradeDeps, 'db'>, actor: SubjectActor, token: string) {
  const party = await subjectOfIdentityToken(deps, token);
  if (!party) throw traceError('BUYER_NOT_FOUND');
  if (party.id === actor.subject.id) throw traceError('TRADE_TO_SELF');
  return party;
}

/** Why a decision on a trade matched nothing: not the actor's trade (on that side), or no longer pending. */
export async function explainRefusedDecision(db: Executor, id: string, side: 'buyer' | 'seller', subjectId: string): Promise<never> {
  const party = side === 'buyer' ? eq(trades.buyerSubjectId, subjectId) : eq(trades.sellerSubjectId, subjectId);
  const [other] = await db.select({ status: trades.status }).from(trades).where(and(eq(trades.id, id), party));
  throw other ? traceError('TRADE_NOT_PENDING', { status: other.status }) : traceError('TRADE_NOT_FOUND');
}

import { and, eq, inArray } from 'drizzle-orm';
import type { ClientActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { lockStream, withTransaction } from '../../../platform/db/tx.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { batchStatesOfCodes } from '../../trace/index.js';
import { outboundError } from './errors.js';
import { partnerPurchases } from './schema.js';

/** A lot a buyer should not take: failed a test, held with a failed lot's recall list, recalled, or voided. */
const NOT_OK = new Set(['failed', 'held', 'recalled', 'voided']);

/**
 * A market's or shop's bulk check of the codes on goods it is offered (issue 17 §5): public-level facts only, as the
 * public trace page shows them to anyone who scans — whatever region the lot comes from, since goods travel.
 */
export async function verifyCodes(db: Executor, codes: readonly string[]) {
  const found = new Map((await batchStatesOfCodes(db, [...new Set(codes)])).map((s) => [s.code, s]));
  return {
    items: codes.map((code) => {
      const s = found.get(code);
      return {
        code,
        found: !!s,
        batchCode: s?.batchCode ?? null,
        status: s?.status ?? null,
        ok: !!s && !NOT_OK.has(s.status),
        productName: s?.productName ?? null,
        classCode: s?.classCode ?? null,
        regionCode: s?.regionCode ?? null,
      };
    }),
  };
}

type PurchaseIn = { purchaseRef: string; code: string; quantity: number; unit: string; stall?: string | undefined; purchasedAt: Date };

const sameAs = (row: typeof partnerPurchases.$inferSelect, p: PurchaseIn) =>
  row.code === p.code && Number(row.quantity) === p.quantity && row.unit === p.unit && (row.stall ?? undefined) === p.stall && row.purchasedAt.getTime() === p.purchasedAt.getTime();

/**
 * Records a market's or shop's purchases against codes (入市 from its side): each a market-entry change in the
 * outbox (the lot's region, no personal data), and the lot's code is then one the client holds — a failure or recall
 * of the lot reaches its `holding_alert` endpoints. All or nothing; idempotent per purchase id: a resend of the same
 * purchase records nothing more, a different one under a used id is PURCHASE_CONFLICT.
 */
export async function recordPurchases(db: Db, ctx: CommandContext, client: ClientActor, purchases: readonly PurchaseIn[]) {
  const states = new Map((await batchStatesOfCodes(db, [...new Set(purchases.map((p) => p.code))])).map((s) => [s.code, s]));
  for (const p of purchases) if (!states.has(p.code)) throw outboundError('CODE_NOT_FOUND', { code: p.code, purchaseRef: p.purchaseRef });
  const clientId = client.client.id;
  return withTransaction(db, ctx, async (tx) => {
    await lockStream(tx, `partner-purchases:${clientId}`);
    const refs = [...new Set(purchases.map((p) => p.purchaseRef))];
    const existing = new Map(
      (
        await tx
          .select()
          .from(partnerPurchases)
          .where(and(eq(partnerPurchases.clientId, clientId), inArray(partnerPurchases.purchaseRef, refs)))
      ).map((r) => [r.purchaseRef, r]),
    );
    const items: { purchaseRef: string; id: string; batchCode: string; status: string }[] = [];
    const newRefs: string[] = [];
    for (const p of purchases) {
      const s = states.get(p.code)!;
      const had = existing.get(p.purchaseRef);
      if (had) {
        if (!sameAs(had, p)) throw outboundError('PURCHASE_CONFLICT', { purchaseRef: p.purchaseRef });
        items.push({ purchaseRef: p.purchaseRef, id: had.id, batchCode: s.batchCode, status: s.status });
        continue;
      }
      const [row] = await tx
        .insert(partnerPurchases)
        .values({ clientId, purchaseRef: p.purchaseRef, code: p.code, batchId: s.batchId, regionCode: s.regionCode, quantity: p.quantity, unit: p.unit, stall: p.stall ?? null, purchasedAt: p.purchasedAt })
        .returning();
      existing.set(p.purchaseRef, row!);
      await recordEvent(tx, {
        type: 'market_entry.created',
        aggregateType: 'market_entry',
        aggregateId: row!.id,
        regionCode: s.regionCode,
        payload: { id: row!.id, source: 'partner', clientId, clientKind: client.client.kind, code: p.code, batch_id: s.batchId, quantity: p.quantity, unit: p.unit, purchasedAt: p.purchasedAt.toISOString() },
      });
      items.push({ purchaseRef: p.purchaseRef, id: row!.id, batchCode: s.batchCode, status: s.status });
      newRefs.push(p.purchaseRef);
    }
    const recorded = newRefs.length;
    if (recorded) {
      await recordAudit(tx, ctx, {
        action: 'integration.purchase_record',
        targetType: 'integration_client',
        targetId: clientId,
        regionCode: client.client.regionCode,
        after: { recorded, refs: newRefs.slice(0, 50) },
      });
    }
    return { recorded, unchanged: purchases.length - recorded, items };
  });
}

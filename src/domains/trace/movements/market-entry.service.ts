import type { CommandContext } from '../../../platform/auth/actor.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import type { MarketEntryIn } from '../contracts.js';
import type { Holder } from '../schema.js';
import { ownBatchForUpdate } from './stock.js';
import { tradeDetail } from './trade.queries.js';
import { shipToHolder } from './trade.service.js';
import { assertQuarantineCert, counterpartyByToken, withPhoneEncrypted, type TradeDeps } from './trade.common.js';

/**
 * 入市: goods sold into a wholesale market, a retail market or a processor. The entry completes at once and issues
 * the type-3 market-entry voucher (入市追溯凭证) on the receiving batch; when the market is on the platform (its
 * identity scanned) that batch is the market's own, so it can sell on from it.
 */
export async function createMarketEntry(deps: TradeDeps, ctx: CommandContext, input: MarketEntryIn) {
  const actor = subjectActorIn(ctx);
  const market = input.market.token ? await counterpartyByToken(deps, actor, input.market.token) : null;
  const holder: Holder = {
    name: market?.name ?? input.market.name!,
    marketKind: input.market.kind,
    ...(input.market.address ? { address: input.market.address } : {}),
    ...(input.market.stall ? { stall: input.market.stall } : {}),
  };
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const batch = await ownBatchForUpdate(tx, actor.subject.id, input.batchId, input.unit);
    assertQuarantineCert(batch, input);
    const shipped = await shipToHolder(deps, tx, actor, batch, {
      ...input,
      kind: 'market',
      holder: withPhoneEncrypted(deps.pii, holder)!,
      buyerSubjectId: market?.id ?? null,
      ...(market ? { buyerRegionCode: market.regionCode } : {}),
    });
    if (market) await deps.notifier.publish(tx, { topic: `subject:${market.id}`, type: 'trade.confirmed', id: shipped.tradeId });
    return shipped.tradeId;
  });
  return tradeDetail(deps.db, deps.pii, actor, id);
}

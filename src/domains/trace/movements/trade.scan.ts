import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { runCommandStatement } from '../../../platform/db/tx.js';
import { queryRows } from '../../../platform/db/rows.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { subjectOfIdentityTokenSql } from '../../registry/index.js';
import { codeKey, nextCode } from '../codes/code-issue.service.js';
import type { TradeIn, TradeOut } from '../contracts.js';
import { traceError } from '../errors.js';
import { traceEventSql } from './events.js';
import { explainRefusedFreeze, freezeSql, receivedBatchCtes, shipFrozenSql } from './stock.js';
import { tradeOutColumns, tradeOutOfRow, tradeRowsById } from './trade.queries.js';
import { assertQuarantineCert, counterpartyByToken, explainRefusedDecision, LIVE_ANIMAL_UNITS, shipmentColumns, type TradeDeps } from './trade.common.js';

// 扫码交易, the platform's busiest write: the sale to a scanned buyer and the buyer's confirmation. Each is one
// SQL statement (runCommandStatement): the guarded conservation update, the rows, the EPCIS event, the live notice
// and the answer with its names, in one round trip, all or nothing. When the statement matches nothing, a read
// says why. docs/decisions.md "a trade counts its round trips" says why it is written this way.

type Row = Record<string, unknown>;

/**
 * The seller sells from one of its batches to the buyer whose electronic identity it scanned: the quantity is
 * frozen (never beyond the free stock, even under concurrent sales), the trade waits for the buyer, who is notified.
 */
export async function sellToScannedBuyer(deps: TradeDeps, ctx: CommandContext, actor: SubjectActor, input: TradeIn & { buyerToken: string }): Promise<TradeOut> {
  const me = actor.subject.id;
  const shipment = shipmentColumns(deps.pii, input);
  const certOk = shipment.quarantineCert ? sql`true` : sql`unit <> ALL (${`{${LIVE_ANIMAL_UNITS.join(',')}}`}::text[])`;
  // A refusal the read cannot explain was a race with another writer that has since ended: the sale is tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [row] = await runCommandStatement<Row>(
      deps.db,
      ctx,
      (claim) => sql`
      WITH buyer AS (${subjectOfIdentityTokenSql(input.buyerToken)}),
      frz AS (${freezeSql({ subjectId: me, batchId: input.batchId, unit: input.unit, quantity: input.quantity, also: sql`EXISTS (SELECT 1 FROM buyer WHERE id <> ${me}::uuid) AND ${certOk}` })}),
      t AS (INSERT INTO trades (kind, seller_subject_id, buyer_subject_id, batch_id, quantity, unit, carrier, storage, quarantine_cert, status)
            SELECT 'scan', ${me}::uuid, buyer.id, frz.id, ${input.quantity}::numeric, frz.unit, ${shipment.carrier ? JSON.stringify(shipment.carrier) : null}::jsonb,
                   ${shipment.storage}::text, ${shipment.quarantineCert}::text, 'pending'
            FROM frz, buyer
            RETURNING *),
      ev AS (${traceEventSql(
        actor,
        { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'shipping', disposition: 'in_transit' },
        sql`ARRAY[frz.code]::varchar[]`,
        sql`jsonb_build_object('tradeId', t.id, 'buyerSubjectId', t.buyer_subject_id, 'quantity', t.quantity, 'unit', t.unit)`,
        sql`t, frz`,
      )})
      ${claim(sql`t`)}
      SELECT ${tradeOutColumns(sql`t`, { batchCode: sql`frz.code`, productName: sql`p.name`, buyerBatchCode: sql`NULL::text` })},
             ${deps.notifier.noticeSql({ topic: sql`'subject:' || t.buyer_subject_id`, type: 'trade.created', id: sql`t.id` })} AS notified
      FROM t, frz, products p WHERE p.id = frz.product_id`,
      (tradeId) => tradeRowsById(deps.db, tradeId),
    );
    if (row) return tradeOutOfRow(deps.pii, row);
    await counterpartyByToken(deps, actor, input.buyerToken);
    assertQuarantineCert(await explainRefusedFreeze(deps.db, me, input.batchId, input.unit, input.quantity), input);
  }
  throw traceError('INSUFFICIENT_STOCK', { batchId: input.batchId, requested: input.quantity });
}

/**
 * The buyer confirms: the frozen quantity leaves the seller's batch, and the buyer gets its own batch (采购) with a
 * type-2 code of its county, linked to the seller's batch; the seller is notified.
 */
export async function confirmTrade(deps: TradeDeps, ctx: CommandContext, id: string): Promise<TradeOut> {
  const actor = subjectActorIn(ctx);
  const me = actor.subject.id;
  const county = actor.subject.regionCode.slice(0, 6);
  const issued = await nextCode(deps.db, codeKey(deps.config.secretKey), 2, county);
  const buyerBatchId = randomUUID();
  const [row] = await runCommandStatement<Row>(
    deps.db,
    ctx,
    (claim) => sql`
    WITH t AS (UPDATE trades SET status = 'confirmed', buyer_batch_id = ${buyerBatchId}::uuid, decided_at = now()
               WHERE id = ${id}::uuid AND buyer_subject_id = ${me}::uuid AND status = 'pending'
                 AND NOT EXISTS (SELECT 1 FROM batches sb WHERE sb.id = trades.batch_id AND sb.status IN ('held', 'failed'))
               RETURNING *),
    s AS (${shipFrozenSql(sql`t`)}),
    ${receivedBatchCtes(
      { id: buyerBatchId, code: issued.code, counter: issued.counter, type: 2, county, issuerSubjectId: me, subjectId: me, regionCode: actor.subject.regionCode, source: 'purchase', edgeKind: 'trade', createdBy: actor.userId },
      { from: sql`t, s`, fromBatchId: sql`t.batch_id`, productId: sql`s.product_id`, quantity: sql`t.quantity`, unit: sql`t.unit`, harvestDate: sql`s.harvest_date`, animal: sql`s.animal` },
    )},
    ev AS (${traceEventSql(
      actor,
      { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'receiving', disposition: 'in_progress' },
      sql`ARRAY[s.code, ${issued.code}::text]::varchar[]`,
      sql`jsonb_build_object('tradeId', t.id, 'fromBatchId', t.batch_id, 'toBatchId', ${buyerBatchId}::uuid, 'quantity', t.quantity, 'unit', t.unit)`,
      sql`t, s`,
    )})
    ${claim(sql`t`)}
    SELECT ${tradeOutColumns(sql`t`, { batchCode: sql`s.code`, productName: sql`p.name`, buyerBatchCode: sql`${issued.code}::text` })},
           ${deps.notifier.noticeSql({ topic: sql`'subject:' || t.seller_subject_id`, type: 'trade.confirmed', id: sql`t.id` })} AS notified
    FROM t, s, products p WHERE p.id = s.product_id`,
    (tradeId) => tradeRowsById(deps.db, tradeId),
  );
  if (row) return tradeOutOfRow(deps.pii, row);
  // A sale made before monitoring held or failed the seller's batch waits until the county releases it.
  const [seller] = await queryRows<{ status: string }>(
    deps.db,
    sql`SELECT b.status FROM trades t JOIN batches b ON b.id = t.batch_id WHERE t.id = ${id}::uuid AND t.buyer_subject_id = ${me}::uuid AND t.status = 'pending'`,
  );
  if (seller?.status === 'held') throw traceError('BATCH_HELD', { tradeId: id });
  if (seller?.status === 'failed') throw traceError('BATCH_FAILED', { tradeId: id });
  return explainRefusedDecision(deps.db, id, 'buyer', me);
}

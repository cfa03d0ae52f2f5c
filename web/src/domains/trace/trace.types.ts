import type { In, Out } from '../../app/contract';
import type * as trace from '../../../../src/domains/trace/contracts';
import type * as correction from '../../../../src/domains/trace/corrections/correction.contracts';
import type * as graph from '../../../../src/domains/trace/graph/trace-graph.contracts';
import type { INPUT_KINDS, MARKET_KINDS, SELF_CHECK_RESULTS, TRADE_STATUSES } from '../../../../src/domains/trace/trace-values.shared';

// Bases, products, batches, trades, market entries, the chain and the recall list as the console reads and sends
// them: the server's contracts (src/domains/trace/*contracts.ts), dates as ISO strings. What can be printed
// (formats, layouts, certificate bases) comes from src/domains/trace/label.shared.ts itself.

export { AREA_UNITS, LIVE_ANIMAL_UNITS, PRODUCT_UNITS } from '../../../../src/domains/trace/units.shared';
export type { AreaUnit, ProductUnit } from '../../../../src/domains/trace/units.shared';
export { BATCH_SOURCES, BATCH_STATUSES, INPUT_KINDS, MARKET_KINDS, SELF_CHECK_RESULTS, TRADE_STATUSES } from '../../../../src/domains/trace/trace-values.shared';
export type InputKind = (typeof INPUT_KINDS)[number];
export type SelfCheckResult = (typeof SELF_CHECK_RESULTS)[number];
export type MarketKind = (typeof MARKET_KINDS)[number];
export type TradeStatus = (typeof TRADE_STATUSES)[number];

export type ProductClass = Out<typeof trace.productClassOut>;
export type BaseRequest = In<typeof trace.baseIn>;
export type Base = Out<typeof trace.baseOut>;
/** 作废: when and why a record was withdrawn. */
export type Voided = NonNullable<Out<typeof correction.voidedOut>>;
/** One entry of a record's 修改记录: the fields it changed, before and after, who, when and why. */
export type Correction = Out<typeof correction.correctionOut>;
export type BatchCorrectionRequest = In<typeof correction.batchCorrectionIn>;
export type ProductCorrectionRequest = In<typeof correction.productCorrectionIn>;
export type BaseCorrectionRequest = In<typeof correction.baseCorrectionIn>;
export type ProductRequest = In<typeof trace.productIn>;
export type Product = Out<typeof trace.productOut>;
export type BatchRequest = In<typeof trace.batchIn>;
export type BatchInput = NonNullable<BatchRequest['inputs']>[number];
export type Batch = Out<typeof trace.batchOut>;
/** My batches' search and filters (the list's query without its paging). */
export type BatchFilters = In<typeof trace.batchFilterQuery>;

/** GET /trace/codes/:code: what a code is (structure only). */
export type CodeDescription = Out<typeof trace.codeDescriptionOut>;

export type TradeRequest = In<typeof trace.tradeIn>;
export type Carrier = NonNullable<TradeRequest['carrier']>;
export type MarketEntryRequest = In<typeof trace.marketEntryIn>;
export type Trade = Out<typeof trace.tradeOut>;
/** A trade event of the live stream (GET /trace/notifications/stream, event `trade`). */
export type TradeEvent = { type: 'trade.created' | 'trade.confirmed' | 'trade.rejected' | 'trade.cancelled' | 'trade.returned'; trade: Trade };
export type TradeSearch = In<typeof trace.tradeSearchQuery>;
export type TransformationRequest = In<typeof trace.transformationIn>;
export type SplitRequest = In<typeof trace.splitIn>;
export type ReturnRequest = In<typeof trace.returnIn>;
export type TradeReturn = Out<typeof trace.returnOut>;

export type TraceDirection = In<typeof graph.traceQuery>['direction'];
export type TraceNode = Out<typeof graph.traceNodeOut>;
export type TraceEdge = Out<typeof graph.traceEdgeOut>;
export type TraceResult = Out<typeof graph.traceGraphOut>;

/** GET /trace/batches/by-code/:code: the batch behind a code, for whoever may trace it. */
export type BatchLookup = Out<typeof trace.batchLookupOut>;
/** GET /trace/batches/:id/recall: the 召回清单. */
export type RecallList = Out<typeof graph.recallOut>;
export type RecallHolder = Out<typeof graph.recallHolderOut>;
export type RecallHolderKind = RecallHolder['holderKind'];

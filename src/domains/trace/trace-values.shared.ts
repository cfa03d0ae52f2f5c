// The fixed choices of the trace domain's records, for the contracts and the console's filters and forms alike.

export const INPUT_KINDS = ['pesticide', 'fertilizer', 'feed', 'vet_drug'] as const;
export const SELF_CHECK_RESULTS = ['pass', 'fail', 'none'] as const;
export const MARKET_KINDS = ['wholesale', 'retail', 'processor'] as const;
export const TRADE_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
export const BATCH_STATUSES = ['active', 'closed', 'merged', 'consumed', 'held', 'failed'] as const;
export const BATCH_SOURCES = ['own', 'purchase', 'market_entry', 'process', 'split', 'merge'] as const;

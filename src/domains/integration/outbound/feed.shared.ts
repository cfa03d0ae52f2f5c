// The change feed's vocabulary, shared by the server and the console (no server code here).

/**
 * What the feed carries (issue 17 §3): a change to a subject, a certificate, a batch, a trade, a market entry, an
 * inspection, a sample, a monitoring alert or an enforcement case. The outbox's `aggregate_type` is one of these
 * (database triggers write them, migration `outbox_changes`).
 */
export const CHANGE_KINDS = ['subject', 'certificate', 'batch', 'trade', 'market_entry', 'inspection', 'sample', 'alert', 'case'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * What an endpoint may ask for: the feed's kinds, and `holding_alert` — a batch whose code the client recorded a
 * purchase of turned failed, held (同源批次) or recalled, wherever that batch lies (§5).
 */
export const WEBHOOK_KINDS = [...CHANGE_KINDS, 'holding_alert'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];
/** The batch states a holding alert tells of. */
export const ALERTING_BATCH_STATES = ['failed', 'held', 'recalled'] as const;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'held'] as const;
export const ENDPOINT_STATUSES = ['active', 'paused', 'removed'] as const;

/** Failed attempts in a row after which an endpoint is paused and its client's registrar told. */
export const PAUSE_AFTER_FAILURES = 10;
/** Attempts of one delivery (the job queue's backoff between them, 30 s doubling to an hour). */
export const DELIVERY_ATTEMPTS = 8;
export const MAX_ENDPOINTS = 5;
export const MAX_FEED_PAGE = 1000;
export const MAX_VERIFY_CODES = 1000;

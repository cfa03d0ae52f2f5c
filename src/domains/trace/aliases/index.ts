export { batchCodeOfAlias, batchCodesOfAliases, isLongCode, type AliasHit, type ResolvedFrom } from './resolve.js';
export { exchangeTraceFacts, importExchangedTrace, type ExchangeTrace, type ExchangeTraceFacts, type AliasIn } from './exchange-import.js';
export type { AliasKind } from './schema.js';

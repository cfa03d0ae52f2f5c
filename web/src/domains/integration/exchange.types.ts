import type { Out } from '../../app/contract';
import type * as c from '../../../../src/domains/integration/inbound/contracts';

// 数据交换 (issue 17 §2) as the console reads it: the server's contracts, dates as ISO strings.

export type { DocumentState, ItemKind } from '../../../../src/domains/integration/inbound/inbound.shared';
export type ExchangeDocumentPage = Out<typeof c.documentPage>;
export type ExchangeDocument = ExchangeDocumentPage['items'][number];
export type ExchangeItemProblem = ExchangeDocument['errors'][number];

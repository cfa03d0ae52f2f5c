import type { In, Out } from '../../app/contract';
import type * as c from '../../../../src/domains/integration/contracts';

// Client systems (平台对接) as the console reads and sends them: the server's contracts, dates as ISO strings.

export type { CertificationScheme, ClientKindName, ClientStatus, KeyState } from '../../../../src/domains/integration/integration.shared';
export type ClientKey = Out<typeof c.keyOut>;
export type ClientDetail = Out<typeof c.clientOut>;
export type ClientSummary = Out<typeof c.clientPage>['items'][number];
export type KeyCreated = Out<typeof c.keyCreatedOut>;
export type CallPage = Out<typeof c.callPage>;
export type ClientCall = CallPage['items'][number];
export type KindOperations = Out<typeof c.operationsOut>;
export type ClientInput = In<typeof c.clientIn>;
export type ScopeInput = In<typeof c.scopeIn>;

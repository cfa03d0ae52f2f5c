import type { In, Out } from '../../app/contract';
import type * as c from '../../../../src/domains/integration/certification/contracts';

// 三品一标 and 追溯挂钩 as the console reads and sends them: the server's contracts, dates as ISO strings.

export type { TraceCheckOutcome } from '../../../../src/domains/integration/certification/certification.shared';
export type TraceCheck = Out<typeof c.traceCheckOut>;
export type TraceCheckItem = TraceCheck['items'][number];
export type TraceCheckSummary = Out<typeof c.traceCheckPage>['items'][number];
export type TraceCheckInput = In<typeof c.traceCheckIn>;
export type Coverage = Out<typeof c.coverageOut>;
export type CoverageHolder = Out<typeof c.coverageHolderPage>['items'][number];

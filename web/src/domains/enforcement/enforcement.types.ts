import type { In, Out } from '../../app/contract';
import type * as enforcement from '../../../../src/domains/enforcement/contracts';

// The enforcement API's answers and requests as the console reads and sends them: the server's contracts
// (src/domains/enforcement/contracts.ts), dates as ISO strings.

export type { CaseStage, PenaltyKind } from '../../../../src/domains/enforcement/case-stages.shared';

export type CaseListItem = Out<typeof enforcement.caseListItem>;
export type Case = Out<typeof enforcement.caseOut>;
export type CaseRecord = Case['records'][number];
export type CaseListQuery = In<typeof enforcement.caseListQuery>;
export type CaseRequest = In<typeof enforcement.caseIn>;
export type AdvanceRequest = In<typeof enforcement.advanceIn>;
export type RecordRequest = In<typeof enforcement.recordIn>;
export type CommissionRequest = In<typeof enforcement.commissionIn>;

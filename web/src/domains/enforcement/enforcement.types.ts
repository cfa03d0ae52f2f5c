import type { CaseStage, PenaltyKind } from '../../../../src/domains/enforcement/case-stages.shared';

// The enforcement API's answers as the console reads them (mirrors src/domains/enforcement/contracts.ts).

export type { CaseStage, PenaltyKind };

export type CaseListItem = {
  id: string;
  caseNo: string;
  agencyId: string;
  agencyName: string;
  regionCode: string;
  subjectId: string | null;
  subjectName: string | null;
  source: 'transfer' | 'task' | 'own';
  title: string;
  stage: CaseStage;
  createdAt: string;
  updatedAt: string;
};

export type CaseRecord = { id: string; stage: string; kind: 'note' | 'onsite' | 'evidence'; content: string; attachments: string[]; lat: number | null; lng: number | null; recordedByName: string; recordedAt: string };

export type Case = CaseListItem & {
  summary: string;
  legalBasis: string | null;
  penaltyKind: PenaltyKind | null;
  penaltyAmount: number | null;
  decision: string | null;
  closedAt: string | null;
  handling: boolean;
  transfer: { id: string; inspectionId: string; fromAgencyName: string; reason: string; findings: string | null; createdAt: string } | null;
  taskId: string | null;
  commissions: { taskId: string; kind: string; title: string; dueOn: string | null; agencyName: string; status: string; report: string | null; reportedAt: string | null }[];
  history: { fromStage: string | null; toStage: string; note: string | null; actorName: string; at: string }[];
  records: CaseRecord[];
};

export type AdvanceRequest = { to: CaseStage; note?: string; legalBasis?: string; penaltyKind?: PenaltyKind; penaltyAmount?: number; decision?: string };
export type RecordRequest = { kind: CaseRecord['kind']; content: string; attachments: string[]; lat?: number; lng?: number; identity?: string };
export type CommissionRequest = { kind: 'supervisory_sampling' | 'routine_monitoring' | 'special_monitoring'; testingAgencyId: string; title: string; content: string; dueOn: string };

import type { TaskKind, TaskStatus } from '../../../../src/domains/supervision/task-state.shared';

// The supervision API's answers as the console reads them (mirrors src/domains/supervision/contracts.ts; see
// docs/decisions.md "Console types").

export type { TaskKind, TaskStatus };

export type TaskRecipient = {
  id: string;
  agencyId: string;
  agencyName: string;
  status: TaskStatus;
  quota: number | null;
  done: number;
  assignees: { id: string; displayName: string }[];
  progressNote: string | null;
  report: string | null;
  acceptedAt: string | null;
  reportedAt: string | null;
  updatedAt: string;
};

export type TaskHistoryItem = { action: string; fromStatus: string | null; toStatus: string; note: string | null; actorName: string | null; at: string; agencyName: string };

/** A task's attachment (a document or picture), downloaded under its name. */
export type TaskAttachment = { id: string; name: string; mime: string; size: number };

export type Task = {
  id: string;
  kind: TaskKind;
  title: string;
  content: string;
  regionScope: string;
  productScope: string | null;
  targetCount: number | null;
  startsOn: string;
  dueOn: string | null;
  attachments: TaskAttachment[];
  publisherAgencyId: string;
  publisherName: string;
  status: string;
  createdAt: string;
  mine: 'published' | 'received';
  recipients: TaskRecipient[];
  history: TaskHistoryItem[];
};

export type TaskListItem = {
  id: string;
  recipientId: string | null;
  kind: TaskKind;
  title: string;
  startsOn: string;
  dueOn: string | null;
  publisherName: string;
  status: string;
  counts: Record<string, number>;
  createdAt: string;
};

export type TaskRequest = {
  kind: TaskKind;
  title: string;
  content: string;
  productScope?: string;
  targetCount?: number;
  startsOn: string;
  dueOn?: string;
  attachments?: string[];
  recipients: { agencyId: string; quota?: number }[];
};

export type AgencyOption = { id: string; name: string; kind: string; level: string; regionCode: string };

export type Industry = 'planting' | 'livestock' | 'fishery';
export type ChecklistItem = { key: string; zh: string; en: string };
export type Checklist = { industry: Industry; provinceCode: string | null; version: number; items: ChecklistItem[] };
export type Answer = { key: string; result: 'pass' | 'fail' | 'na'; note?: string };

export type Inspection = {
  id: string;
  subjectId: string;
  subjectName: string;
  regionCode: string;
  agencyName: string;
  inspectorName: string;
  industry: Industry;
  checklist?: (ChecklistItem & { result: 'pass' | 'fail' | 'na'; note?: string })[];
  photos: string[];
  noPhotoReason?: string | null;
  lat: number | null;
  lng: number | null;
  noPointReason?: string | null;
  findings: string | null;
  conclusion: 'compliant' | 'problem';
  rectifyBy: string | null;
  rectification: 'none' | 'pending' | 'overdue' | 'done';
  taskId: string | null;
  transfer: { id: string; toAgencyId: string; toAgencyName: string; status: string; caseId: string | null; reason: string } | null;
  inspectedAt: string;
};

export type InspectionRequest = {
  subjectId: string;
  industry: Industry;
  answers: Answer[];
  photos: string[];
  noPhotoReason?: string;
  lat?: number;
  lng?: number;
  noPointReason?: string;
  findings?: string;
  conclusion: 'compliant' | 'problem';
  rectifyBy?: string;
  taskId?: string;
};

export type Transfer = {
  id: string;
  inspectionId: string;
  subjectId: string;
  subjectName: string;
  fromAgencyName: string;
  reason: string;
  findings: string | null;
  status: string;
  caseId: string | null;
  createdAt: string;
};

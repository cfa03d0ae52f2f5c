import type { In, Out } from '../../app/contract';
import type * as supervision from '../../../../src/domains/supervision/contracts';
import type * as tasks from '../../../../src/domains/tasks/contracts';

// The supervision API's answers and requests as the console reads and sends them: the server's contracts
// (src/domains/supervision/contracts.ts), dates as ISO strings.

export type { TaskKind, TaskStatus } from '../../../../src/domains/tasks/task-state.shared';
export type { InspectionIndustry as Industry } from '../../../../src/domains/supervision/inspection-values.shared';

export type Task = Out<typeof tasks.taskOut>;
export type TaskRecipient = Task['recipients'][number];
export type TaskHistoryItem = Task['history'][number];
/** A task's attachment (a document or picture), downloaded under its name. */
export type TaskAttachment = Out<typeof tasks.attachmentOut>;
export type TaskListItem = Out<typeof tasks.taskListItem>;
export type TaskListQuery = In<typeof tasks.taskListQuery>;
export type TaskRequest = In<typeof tasks.taskIn>;
export type AgencyOption = Out<typeof tasks.recipientOptionOut>;

export type ChecklistItem = Out<typeof supervision.checklistItem>;
export type Checklist = Out<typeof supervision.checklistOut>;
export type InspectionRequest = In<typeof supervision.inspectionIn>;
export type Answer = InspectionRequest['answers'][number];
/** An inspection; its checklist comes with the one inspection, not with the list. */
export type Inspection = Omit<Out<typeof supervision.inspectionOut>, 'checklist'> & Partial<Pick<Out<typeof supervision.inspectionOut>, 'checklist'>>;
export type InspectionListItem = Out<typeof supervision.inspectionPage>['items'][number];
export type Transfer = Out<typeof supervision.transferOut>;
export type UploadResult = Out<typeof supervision.uploadOut>;
export type AttachmentUploadResult = Out<typeof tasks.attachmentUploadOut>;

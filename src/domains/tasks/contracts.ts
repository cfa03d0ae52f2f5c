import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { TASK_KINDS, TASK_STATUSES } from './task-state.shared.js';

// The wire shapes of tasks and notices (任务, 通知公告) sent down the tree, shared by routes and the web console.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd');
export const idParam = z.strictObject({ id: z.uuid() });

export const taskIn = z.strictObject({
  kind: z.enum(TASK_KINDS),
  title: plainText(2, 120),
  content: z.string().trim().min(1).max(10_000),
  regionScope: z.string().regex(/^\d{0,12}$/).default(''),
  productScope: plainText(1, 200).optional(),
  targetSubjectIds: z.array(z.uuid()).max(500).default([]),
  targetCount: z.number().int().min(1).max(1_000_000).optional(),
  startsOn: day,
  dueOn: day.optional(),
  attachments: z.array(z.uuid()).max(10).default([]),
  recipients: z
    .array(z.strictObject({ agencyId: z.uuid(), quota: z.number().int().min(1).max(1_000_000).optional() }))
    .min(1)
    .max(500),
});

const eventOut = z.object({ action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.date() });

export const recipientOut = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  status: z.enum(TASK_STATUSES),
  quota: z.number().nullable(),
  done: z.number(),
  assignees: z.array(z.object({ id: z.string(), displayName: z.string() })),
  progressNote: z.string().nullable(),
  report: z.string().nullable(),
  acceptedAt: z.date().nullable(),
  reportedAt: z.date().nullable(),
  updatedAt: z.date(),
});

/** A task's attachment: downloaded from `GET /supervision/attachments/{id}` under its (sanitised) name. */
export const attachmentOut = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() });

export const taskOut = z.object({
  id: z.string(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  content: z.string(),
  regionScope: z.string(),
  productScope: z.string().nullable(),
  targetSubjectIds: z.array(z.string()),
  targetCount: z.number().nullable(),
  startsOn: z.string(),
  dueOn: z.string().nullable(),
  attachments: z.array(attachmentOut),
  publisherAgencyId: z.string(),
  publisherName: z.string(),
  status: z.string(),
  createdAt: z.date(),
  /** Whether the caller's agency published it (it sees every recipient) or received it (it sees its own row). */
  mine: z.enum(['published', 'received']),
  recipients: z.array(recipientOut),
  history: z.array(eventOut.extend({ agencyName: z.string() })),
});

export const taskListItem = z.object({
  id: z.string(),
  recipientId: z.string().nullable(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  startsOn: z.string(),
  dueOn: z.string().nullable(),
  publisherName: z.string(),
  /** For the inbox: my agency's status; for the outbox: the task's own (open / closed). */
  status: z.string(),
  /** Outbox: recipients by status. */
  counts: z.record(z.string(), z.number()),
  createdAt: z.date(),
});
export const taskPage = countedPageOf(taskListItem);
export const taskListQuery = z.strictObject({
  ...pageQuery,
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  kind: z.enum(TASK_KINDS).optional(),
  status: z.enum([...TASK_STATUSES, 'open']).optional(),
});

export const noteIn = z.strictObject({ note: plainText(1, 1000).optional() });
export const assignIn = z.strictObject({ userIds: z.array(z.uuid()).min(1).max(50), note: plainText(1, 1000).optional() });
export const progressIn = z.strictObject({ done: z.number().int().min(0).max(1_000_000), note: plainText(1, 1000).optional() });
export const reportIn = z.strictObject({ report: z.string().trim().min(1).max(10_000), done: z.number().int().min(0).max(1_000_000).optional() });
export const closeIn = z.strictObject({ agencyId: z.uuid().optional(), note: plainText(1, 1000).optional() });

export const recipientOptionOut = z.object({ id: z.string(), name: z.string(), kind: z.string(), level: z.string(), regionCode: z.string() });
export const recipientOptionsQuery = z.strictObject({ kind: z.enum(TASK_KINDS) });

export const attachmentUploadOut = z.object({ fileId: z.string(), mime: z.string(), size: z.number(), name: z.string() });

export type TaskIn = z.infer<typeof taskIn>;
export type TaskOut = z.infer<typeof taskOut>;
export type AttachmentOut = z.infer<typeof attachmentOut>;

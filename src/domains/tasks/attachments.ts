import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { assertUploads, FIELD_PHOTO } from '../../platform/files/field-photos.js';
import { describeFiles, DOCUMENTS, fileError, type FileStorage } from '../../platform/files/storage.js';
import { uploadVisibility } from '../../platform/files/visibility.js';
import type { AttachmentOut } from './contracts.js';
import { tasksError } from './errors.js';

/** Documents uploaded for a task or notice (PDF, docx, xlsx, JPG/PNG, ≤ 20 MB) are filed under the uploader's region and this purpose. */
export const TASK_ATTACHMENT = 'task_attachment';

/** What a task may name as attachments: documents uploaded for it, or field photos (as before documents were taken). */
const ATTACHABLE = [TASK_ATTACHMENT, FIELD_PHOTO];

export async function saveTaskAttachment(storage: FileStorage, db: Executor, actor: AgencyActor, bytes: Buffer, filename: string) {
  const saved = await storage.save(db, bytes, DOCUMENTS, { purpose: TASK_ATTACHMENT, regionCode: actor.agency.regionCode, owner: `agency:${actor.agency.id}`, originalName: filename });
  return { fileId: saved.id, mime: saved.mime, size: saved.size, name: saved.name };
}

/** Every id must be an attachment or field photo uploaded in the actor's jurisdiction; else 400 ATTACHMENT_NOT_FOUND. */
export async function assertTaskAttachments(db: Executor, actor: AgencyActor, ids: string[]): Promise<void> {
  await assertUploads(db, actor, ids, ATTACHABLE, () => tasksError('ATTACHMENT_NOT_FOUND'));
}

/** A task's attachments as the console lists them: name, type and size, in the order the publisher gave. */
export async function describeAttachments(db: Executor, ids: string[]): Promise<AttachmentOut[]> {
  const facts = new Map((await describeFiles(db, ids)).map((f) => [f.id, f]));
  return ids.flatMap((id) => {
    const f = facts.get(id);
    return f ? [{ id, name: f.name, mime: f.mime, size: f.size }] : [];
  });
}

/**
 * A task's attachment for download: read by the agencies whose jurisdiction covers the uploader's region (the
 * publisher and those above it) and by whoever may see a task that holds it (`heldByTask`: its recipients);
 * anyone else, and any other kind of file, gets 404. The check comes before the bytes are read.
 */
export async function readTaskAttachment(storage: FileStorage, db: Executor, actor: AgencyActor, id: string, heldByTask: (id: string) => Promise<boolean>) {
  const [facts] = await describeFiles(db, [id]);
  if (!facts || !ATTACHABLE.includes(facts.purpose)) throw fileError('FILE_NOT_FOUND');
  // Readable through a task the actor may see (DESIGN.md §12), or by the agency that uploaded it before attaching it;
  // the region alone says nothing about who may read a task. Files from before uploads were bound go by region.
  const own = facts.owner === `agency:${actor.agency.id}` || (facts.owner === null && uploadVisibility.allows(actor, facts));
  if (!own && !(await heldByTask(id))) throw fileError('FILE_NOT_FOUND');
  return storage.read(db, id);
}

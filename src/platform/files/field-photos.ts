import { and, inArray } from 'drizzle-orm';
import type { AgencyActor } from '../auth/actor.js';
import type { Executor } from '../db/client.js';
import type { AppError } from '../http/errors.js';
import { files } from './schema.js';
import { fileError, type FileStorage } from './storage.js';
import { uploadVisibility } from './visibility.js';

/**
 * Field photos (现场照片), taken by officials of every domain that goes into the field (inspections, samples, cases), are
 * filed under the uploader's region and this purpose; a record may only point at such files.
 */
export const FIELD_PHOTO = 'field_photo';

export async function saveFieldPhoto(storage: FileStorage, db: Executor, actor: AgencyActor, bytes: Buffer, filename: string) {
  const saved = await storage.saveImage(db, bytes, { purpose: FIELD_PHOTO, regionCode: actor.agency.regionCode, owner: `agency:${actor.agency.id}`, originalName: filename });
  return { fileId: saved.id, mime: saved.mime, size: saved.size };
}

/** Every id must be a field photo uploaded in the actor's jurisdiction; else `refusal` (nothing is written). */
export async function assertFieldPhotos(db: Executor, actor: AgencyActor, ids: string[], refusal: () => AppError): Promise<void> {
  await assertUploads(db, actor, ids, [FIELD_PHOTO], refusal);
}

/** Every id must be a file of one of these purposes uploaded in the actor's jurisdiction; else `refusal`. */
export async function assertUploads(db: Executor, actor: AgencyActor, ids: string[], purposes: string[], refusal: () => AppError): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, unique), inArray(files.purpose, purposes), uploadVisibility.filter(actor)));
  if (rows.length !== unique.length) throw refusal();
}

/**
 * A field photo for an official: the uploader's agency and those above it see it (its region lies in their
 * jurisdiction), and so does whoever can see a record that holds it (`heldBy` answers that).
 */
export async function readFieldPhoto(storage: FileStorage, db: Executor, actor: AgencyActor, id: string, heldBy: (id: string) => Promise<boolean>) {
  const file = await storage.read(db, id);
  if (file.purpose !== FIELD_PHOTO) throw fileError('FILE_NOT_FOUND');
  if (!uploadVisibility.allows(actor, file) && !(await heldBy(id))) throw fileError('FILE_NOT_FOUND');
  return file;
}

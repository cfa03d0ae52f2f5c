import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { FileStorage } from '../../../platform/files/storage.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { UPLOAD_TICKET_HOURS } from './upload-ticket.js';

export const UPLOAD_PURGE_JOB = 'registry.purge-uploads';
/** Files removed by one run at most; the next run takes the rest. */
const BATCH = 500;

/**
 * Removes registration uploads nobody cites once their ticket has expired (issue 19, finding 7): licence and ID photos
 * that no application, subject or change request holds, and certificate scans no certificate holds. Each run is one
 * guarded statement, safe on several servers at once; the rows go first, then the bytes (a file left on disk by a
 * crash between the two is unreachable, as it has no row).
 */
export async function purgeUnreferencedUploads(db: Db, files: FileStorage, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UPLOAD_TICKET_HOURS * 3600_000);
  const gone = await queryRows<{ storage_key: string }>(
    db,
    sql`DELETE FROM files WHERE id IN (
          SELECT f.id FROM files f
           WHERE f.created_at < ${before.toISOString()}::timestamptz
             AND ((f.purpose = 'application'
                   AND NOT EXISTS (SELECT 1 FROM subject_applications a WHERE a.form -> 'photos' @> jsonb_build_array(jsonb_build_object('fileId', f.id::text)))
                   AND NOT EXISTS (SELECT 1 FROM subjects s WHERE s.photos @> jsonb_build_array(jsonb_build_object('fileId', f.id::text)))
                   AND NOT EXISTS (SELECT 1 FROM subject_change_requests c WHERE c.after -> 'photos' @> jsonb_build_array(jsonb_build_object('fileId', f.id::text))))
               OR (f.purpose = 'certificate'
                   AND NOT EXISTS (SELECT 1 FROM subject_certificates c WHERE c.scan_file_id = f.id)))
           LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED)
        RETURNING storage_key`,
  );
  await files.removeFromDisk(gone.map((r) => r.storage_key));
  return gone.length;
}

export const uploadPurgeJob = (db: Db, files: FileStorage): Job => ({
  name: UPLOAD_PURGE_JOB,
  everyMs: 60 * 60_000,
  run: () => purgeUnreferencedUploads(db, files),
});

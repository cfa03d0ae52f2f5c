import type { BackupWriter } from './backup.cipher.js';
import { backupError } from './backup.errors.js';

/**
 * The plain text inside the encryption: frames of type(1) length(4) payload. 'M' the manifest (first), 'D' data of
 * the current table (or of the data-folder dump), 'E' its end, 'Z' the end of the backup.
 */
export type FrameType = 'M' | 'D' | 'E' | 'Z';
export type Frame = { type: FrameType; payload: Buffer };

export async function writeFrame(w: BackupWriter, type: FrameType, payload: Buffer = Buffer.alloc(0)): Promise<void> {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(payload.length, 1);
  await w.write(head);
  if (payload.length) await w.write(payload);
}

export async function* readFrames(plain: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  let buf: Buffer = Buffer.alloc(0);
  let ended = false;
  for await (const piece of plain) {
    buf = buf.length ? Buffer.concat([buf, piece]) : piece;
    while (buf.length >= 5) {
      const length = buf.readUInt32BE(1);
      if (buf.length < 5 + length) break;
      const type = buf.toString('latin1', 0, 1) as FrameType;
      if (!'MDEZ'.includes(type) || ended) throw backupError('BACKUP_NOT_A_BACKUP');
      const payload = buf.subarray(5, 5 + length);
      buf = buf.subarray(5 + length);
      if (type === 'Z') ended = true;
      yield { type, payload };
    }
  }
  if (!ended || buf.length) throw backupError('BACKUP_TRUNCATED');
}

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Executor } from '../db/client.js';
import { defineErrors } from '../http/errors.js';
import { files } from './schema.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

export const fileError = defineErrors({
  FILE_TOO_LARGE: {
    status: 413,
    zh: (d) => `文件过大:最大 ${Number(d.maxBytes) / 1024 / 1024} MB`,
    en: (d) => `File too large: at most ${Number(d.maxBytes) / 1024 / 1024} MB`,
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '只接受 JPG 或 PNG 图片(按文件内容判断,与文件名无关)',
    en: 'Only JPG or PNG images are accepted (judged by content, not by file name)',
  },
  FILE_EMPTY: { status: 400, zh: '文件为空', en: 'The file is empty' },
  FILE_NOT_FOUND: { status: 404, zh: '文件不存在', en: 'No such file' },
});

export type StoredFile = { id: string; mime: string; size: number; sha256: string };

/**
 * The one file-storage module: a local folder by default (DATA_DIR/files). Content is sniffed from the bytes,
 * names are generated, and a file is written to disk before its row, so a row never points at nothing.
 */
export class FileStorage {
  constructor(private readonly root: string) {}

  static local(dataDir: string): FileStorage {
    return new FileStorage(path.join(dataDir, 'files'));
  }

  /** Checks an image upload; throws the AppError the client should see. */
  async checkImage(bytes: Buffer): Promise<string> {
    if (bytes.length === 0) throw fileError('FILE_EMPTY');
    if (bytes.length > MAX_IMAGE_BYTES) throw fileError('FILE_TOO_LARGE', { maxBytes: MAX_IMAGE_BYTES, size: bytes.length });
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !IMAGE_TYPES.has(type.mime)) throw fileError('FILE_TYPE_NOT_ALLOWED', { detected: type?.mime ?? 'unknown' });
    return type.mime;
  }

  async saveImage(db: Executor, bytes: Buffer, meta: { purpose: string; regionCode: string; originalName?: string | undefined }): Promise<StoredFile> {
    const mime = await this.checkImage(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const id = randomUUID();
    const storageKey = `${new Date().toISOString().slice(0, 7)}/${id}.${mime === 'image/png' ? 'png' : 'jpg'}`;
    const full = path.join(this.root, storageKey);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(`${full}.part`, bytes);
    await rename(`${full}.part`, full);
    await db.insert(files).values({
      id,
      sha256,
      mime,
      size: bytes.length,
      storageKey,
      originalName: meta.originalName?.slice(0, 200) ?? null,
      purpose: meta.purpose,
      regionCode: meta.regionCode,
    });
    return { id, mime, size: bytes.length, sha256 };
  }

  async read(db: Executor, id: string): Promise<{ bytes: Buffer; mime: string; regionCode: string; purpose: string }> {
    const [row] = await db.select().from(files).where(eq(files.id, id));
    if (!row) throw fileError('FILE_NOT_FOUND');
    return { bytes: await readFile(path.join(this.root, row.storageKey)), mime: row.mime, regionCode: row.regionCode, purpose: row.purpose };
  }
}

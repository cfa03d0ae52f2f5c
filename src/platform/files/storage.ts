import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Executor } from '../db/client.js';
import { defineErrors } from '../http/errors.js';
import { files } from './schema.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** What an upload may be: the types judged from its bytes (MIME type → the extension it is stored and named with), and its size. */
export type FileKind = { types: Readonly<Record<string, string>>; maxBytes: number };

export const IMAGES: FileKind = { types: { 'image/jpeg': 'jpg', 'image/png': 'png' }, maxBytes: MAX_IMAGE_BYTES };

/**
 * Documents an agency sends with a task or notice: PDF, Word and Excel (docx and xlsx are zip containers that
 * `file-type` names by their `[Content_Types].xml`; a plain zip, a macro-enabled or an old binary Office file is
 * none of these), and JPG/PNG images.
 */
export const DOCUMENTS: FileKind = {
  types: {
    'application/pdf': 'pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
    ...IMAGES.types,
  },
  maxBytes: MAX_DOCUMENT_BYTES,
};

const accepted = (d: Record<string, unknown>) => (Array.isArray(d.accepted) ? d.accepted.map((x) => String(x).toUpperCase()) : ['JPG', 'PNG']);

export const fileError = defineErrors({
  FILE_TOO_LARGE: {
    status: 413,
    zh: (d) => `文件过大：最大 ${Number(d.maxBytes) / 1024 / 1024} MB`,
    en: (d) => `File too large: at most ${Number(d.maxBytes) / 1024 / 1024} MB`,
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: (d) => `只接受 ${accepted(d).join('、')} 文件（按文件内容判断，与文件名无关）`,
    en: (d) => `Only ${accepted(d).join(', ')} files are accepted (judged by content, not by file name)`,
  },
  FILE_EMPTY: { status: 400, zh: '文件为空', en: 'The file is empty' },
  FILE_NOT_FOUND: { status: 404, zh: '文件不存在', en: 'No such file' },
});

export type StoredFile = { id: string; mime: string; size: number; sha256: string; name: string };
/** What a stored file is filed under: why it was uploaded, whose region reads it, and who uploaded it (see files.owner). */
export type FileMeta = { purpose: string; regionCode: string; originalName?: string | undefined; owner?: string | undefined };

/** Files on disk start with this, then the 12-byte IV, the 16-byte tag and the ciphertext. */
const SEALED = Buffer.from('TNF1');

/** The file key, derived from SECRET_KEY apart from the PII keys (a leak of one is no leak of the other). */
function fileKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'tracenet', 'file-encrypt', 32));
}

/** AES-256-GCM with the file's id as associated data: a file moved onto another's name on disk fails to open. */
function seal(key: Buffer, id: string, bytes: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([SEALED, iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, id: string, sealed: Buffer): Buffer {
  if (!sealed.subarray(0, 4).equals(SEALED)) throw new Error(`file ${id} is not sealed`);
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(4, 16));
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(sealed.subarray(16, 32));
  return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
}
/** `owner` is who uploaded it (`agency:{id}`, `subject:{id}`, an upload ticket's owner), null for files from before. */
export type FileFacts = { id: string; name: string; mime: string; size: number; purpose: string; regionCode: string; owner: string | null };

/**
 * The name a file is downloaded under: the client's name without folders, control, direction-changing or reserved
 * characters, at most 120 characters (cut between characters, never inside one), ending in the extension of what
 * the bytes are (a PDF sent as `通知.docx` is `通知.docx.pdf`).
 */
export function safeFileName(name: string | null | undefined, ext: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"*:<>?|]/g, '').replace(/\s+/g, ' ').replace(/^[\s.]+/, '').trim();
  const own = clean.includes('.') ? clean.slice(clean.lastIndexOf('.') + 1).toLowerCase() : '';
  const same = own === ext || (ext === 'jpg' && own === 'jpeg');
  if (!clean || !same) clean = `${clean || 'attachment'}.${ext}`;
  const chars = Array.from(clean);
  if (chars.length > 120) {
    const tail = `.${ext}`;
    clean = chars.slice(0, 120 - tail.length).join('') + tail;
  }
  return clean;
}

/** `Content-Disposition` of a download under its name: an ASCII fallback and the UTF-8 name (RFC 6266, 5987). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const extOf = (mime: string) => DOCUMENTS.types[mime] ?? 'bin';

/** What these files are (name, type, size, who may read them), without their bytes, in no order; unknown ids are left out. */
export async function describeFiles(db: Executor, ids: string[]): Promise<FileFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: files.id, name: files.originalName, mime: files.mime, size: files.size, purpose: files.purpose, regionCode: files.regionCode, owner: files.owner })
    .from(files)
    .where(inArray(files.id, [...new Set(ids)]));
  return rows.map((r) => ({ ...r, name: r.name ?? safeFileName(null, extOf(r.mime)) }));
}

/**
 * The one file-storage module: a local folder by default (DATA_DIR/files). Content is sniffed from the bytes,
 * names are generated, and a file is written to disk before its row, so a row never points at nothing. Identity
 * cards and licences lie here: every file is encrypted with a key derived from SECRET_KEY and readable by the
 * server's user alone (files 0600, folders 0700). Files written before that stay plaintext, marked so by their row
 * (`encrypted` false), and are read as they are.
 */
export class FileStorage {
  private readonly key: Buffer;

  constructor(
    private readonly root: string,
    secretKey: string,
  ) {
    if (!secretKey) throw new Error('FileStorage needs SECRET_KEY to encrypt files at rest');
    this.key = fileKey(secretKey);
  }

  static local(dataDir: string, secretKey: string): FileStorage {
    return new FileStorage(path.join(dataDir, 'files'), secretKey);
  }

  /** Where a stored file lies on disk (tests look at its mode and bytes). */
  pathOf(storageKey: string): string {
    return path.join(this.root, storageKey);
  }

  /** Checks an upload against what it may be; returns its MIME type, or throws the AppError the client should see. */
  async check(bytes: Buffer, kind: FileKind): Promise<string> {
    if (bytes.length === 0) throw fileError('FILE_EMPTY');
    if (bytes.length > kind.maxBytes) throw fileError('FILE_TOO_LARGE', { maxBytes: kind.maxBytes, size: bytes.length });
    const type = await fileTypeFromBuffer(bytes);
    if (!type || kind.types[type.mime] === undefined) throw fileError('FILE_TYPE_NOT_ALLOWED', { detected: type?.mime ?? 'unknown', accepted: [...new Set(Object.values(kind.types))] });
    return type.mime;
  }

  /** Checks an image upload (JPG/PNG, ≤ 5 MB); throws the AppError the client should see. */
  checkImage(bytes: Buffer): Promise<string> {
    return this.check(bytes, IMAGES);
  }

  saveImage(db: Executor, bytes: Buffer, meta: FileMeta): Promise<StoredFile> {
    return this.save(db, bytes, IMAGES, meta);
  }

  /** Stores an upload of this kind, checked first: a refused one writes nothing, on disk or in the table. */
  async save(db: Executor, bytes: Buffer, kind: FileKind, meta: FileMeta): Promise<StoredFile> {
    const mime = await this.check(bytes, kind);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const id = randomUUID();
    const ext = extOf(mime);
    const name = safeFileName(meta.originalName, ext);
    const storageKey = `${new Date().toISOString().slice(0, 7)}/${id}.${ext}`;
    const full = path.join(this.root, storageKey);
    await mkdir(path.dirname(full), { recursive: true, mode: 0o700 });
    // mkdir leaves a folder that already existed as it was; the root and month folders are the server's alone.
    await chmod(this.root, 0o700);
    await chmod(path.dirname(full), 0o700);
    await writeFile(`${full}.part`, seal(this.key, id, bytes), { mode: 0o600 });
    await rename(`${full}.part`, full);
    await db.insert(files).values({
      id,
      sha256,
      mime,
      size: bytes.length,
      storageKey,
      originalName: name,
      purpose: meta.purpose,
      regionCode: meta.regionCode,
      owner: meta.owner ?? null,
      encrypted: true,
    });
    return { id, mime, size: bytes.length, sha256, name };
  }

  async read(db: Executor, id: string): Promise<{ bytes: Buffer; mime: string; regionCode: string; purpose: string; name: string }> {
    const [row] = await db.select().from(files).where(eq(files.id, id));
    if (!row) throw fileError('FILE_NOT_FOUND');
    const onDisk = await readFile(path.join(this.root, row.storageKey));
    return {
      bytes: row.encrypted ? open(this.key, row.id, onDisk) : onDisk,
      mime: row.mime,
      regionCode: row.regionCode,
      purpose: row.purpose,
      name: row.originalName ?? safeFileName(null, extOf(row.mime)),
    };
  }

  /**
   * Encrypts up to `limit` files stored before encryption at rest (issue 19 finding 10); answers how many. Each is
   * written sealed under a new name, its row pointed there in one statement, and only then the plaintext removed:
   * a crash leaves either the old readable file or the new one, never a row that cannot be read.
   */
  async encryptLegacy(db: Executor, limit = 200): Promise<number> {
    const rows = await db.select().from(files).where(eq(files.encrypted, false)).limit(limit);
    for (const row of rows) {
      const old = path.join(this.root, row.storageKey);
      const plain = await readFile(old).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
      if (!plain) continue; // nothing on disk to protect; the row stays as it was for whoever looks into it
      const storageKey = row.storageKey.replace(/(\.[a-z0-9]+)?$/i, (ext) => `.sealed${ext}`);
      const full = path.join(this.root, storageKey);
      await chmod(path.dirname(full), 0o700);
      await writeFile(`${full}.part`, seal(this.key, row.id, plain), { mode: 0o600 });
      await rename(`${full}.part`, full);
      await db.update(files).set({ storageKey, encrypted: true }).where(and(eq(files.id, row.id), eq(files.encrypted, false)));
      await unlink(old);
    }
    return rows.length;
  }

  /** Removes files from disk whose rows are already gone (the purge of unreferenced uploads); a missing file is no error. */
  async removeFromDisk(storageKeys: readonly string[]): Promise<void> {
    for (const key of storageKeys) {
      await unlink(path.join(this.root, key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
  }
}

import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { backupError } from './backup.errors.js';

/**
 * The backup file: a plain header, then AES-256-GCM chunks in the STREAM construction (Hoang, Reyhanitabar,
 * Rogaway, Vizár): each chunk's nonce is the file's random prefix and the chunk's number, and its additional data
 * names the header, the number and whether it is the last. A changed byte fails its chunk, a reordered or dropped
 * chunk fails its number, and a file cut at any point lacks its authenticated last chunk.
 *
 * header: magic(8) salt(16) noncePrefix(8) keyCheck(16)
 * chunk:  flags(1: 1 = last) length(4, big-endian) ciphertext(length) tag(16)
 */
const MAGIC = Buffer.from('TNBAK\x00\x01\x00', 'latin1');
const HEADER = 8 + 16 + 8 + 16;
const CHUNK = 1 << 20;
const TAG = 16;

function keys(secret: string, salt: Buffer) {
  const okm = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, 'tracenet backup v1', 64));
  return { enc: okm.subarray(0, 32), check: okm.subarray(32) };
}

function nonce(prefix: Buffer, n: number): Buffer {
  const b = Buffer.alloc(12);
  prefix.copy(b, 0);
  b.writeUInt32BE(n, 8);
  return b;
}

function aad(header: Buffer, n: number, last: boolean): Buffer {
  const b = Buffer.alloc(5);
  b.writeUInt32BE(n, 0);
  b[4] = last ? 1 : 0;
  return Buffer.concat([header.subarray(0, 32), b]);
}

/** Encrypts into a file as the plain text arrives, one megabyte at a time. */
export class BackupWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private n = 0;
  bytes = 0;
  private constructor(
    private readonly file: FileHandle,
    private readonly header: Buffer,
    private readonly key: Buffer,
  ) {}

  static async create(path: string, secret: string): Promise<BackupWriter> {
    const salt = randomBytes(16);
    const prefix = randomBytes(8);
    const k = keys(secret, salt);
    const head = Buffer.concat([MAGIC, salt, prefix]);
    const check = createHmac('sha256', k.check).update(head).digest().subarray(0, 16);
    const header = Buffer.concat([head, check]);
    const file = await open(path, 'wx', 0o600);
    const w = new BackupWriter(file, header, k.enc);
    await file.write(header);
    w.bytes = header.length;
    return w;
  }

  async write(data: Buffer): Promise<void> {
    this.pending.push(data);
    this.pendingBytes += data.length;
    while (this.pendingBytes > CHUNK) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, CHUNK), false);
      this.pending = [all.subarray(CHUNK)];
      this.pendingBytes = all.length - CHUNK;
    }
  }

  private async seal(plain: Buffer, last: boolean): Promise<void> {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.header.subarray(24, 32), this.n));
    cipher.setAAD(aad(this.header, this.n, last));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(5);
    head[0] = last ? 1 : 0;
    head.writeUInt32BE(body.length, 1);
    const out = Buffer.concat([head, body, cipher.getAuthTag()]);
    await this.file.write(out);
    this.bytes += out.length;
    this.n++;
  }

  /** Seals the last chunk and makes the file durable. */
  async finish(): Promise<void> {
    await this.seal(Buffer.concat(this.pending), true);
    this.pending = [];
    await this.file.sync();
    await this.file.close();
  }

  async abort(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}

async function readExactly(file: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await file.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/**
 * Decrypts a backup file chunk by chunk, yielding only authenticated plain text; throws BACKUP_* at the first
 * problem. `digest` receives the file's SHA-256 once the whole file has been read.
 */
export async function* decryptBackup(path: string, secret: string, digest?: (sha256: string) => void): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const hash = createHash('sha256');
  try {
    const header = await readExactly(file, HEADER, 0);
    if (header.length < HEADER || !header.subarray(0, 8).equals(MAGIC)) throw backupError('BACKUP_NOT_A_BACKUP');
    hash.update(header);
    const k = keys(secret, header.subarray(8, 24));
    const check = createHmac('sha256', k.check).update(header.subarray(0, 32)).digest().subarray(0, 16);
    if (!timingSafeEqual(check, header.subarray(32, 48))) throw backupError('BACKUP_KEY_MISMATCH');
    let position = HEADER;
    for (let n = 0; ; n++) {
      const head = await readExactly(file, 5, position);
      if (head.length < 5) throw backupError('BACKUP_TRUNCATED');
      const last = head[0] === 1;
      const length = head.readUInt32BE(1);
      if (head[0]! > 1 || length > CHUNK + 64) throw backupError('BACKUP_CORRUPT', { chunk: n + 1 });
      const body = await readExactly(file, length + TAG, position + 5);
      if (body.length < length + TAG) throw backupError('BACKUP_TRUNCATED');
      hash.update(head).update(body);
      position += 5 + length + TAG;
      const decipher = createDecipheriv('aes-256-gcm', k.enc, nonce(header.subarray(24, 32), n));
      decipher.setAAD(aad(header, n, last));
      decipher.setAuthTag(body.subarray(length));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw backupError('BACKUP_CORRUPT', { chunk: n + 1 });
      }
      if (plain.length) yield plain;
      if (last) {
        if ((await readExactly(file, 1, position)).length) throw backupError('BACKUP_CORRUPT', { chunk: n + 2 });
        digest?.(hash.digest('hex'));
        return;
      }
    }
  } finally {
    await file.close();
  }
}

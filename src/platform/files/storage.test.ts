import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { docxDocument, exeLike, pdfDocument, xlsxDocument, zipOf } from '../../../test/documents.js';
import { files } from './schema.js';
import { attachmentDisposition, DOCUMENTS, FileStorage, MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES, safeFileName } from './storage.js';

describe('file storage', () => {
  let t: TestApp;
  let dir: string;
  let storage: FileStorage;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'tn-files-'));
    storage = FileStorage.local(dir, t.config.secretKey);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a real PNG and reads it back with its sniffed type', async () => {
    const png = await QRCode.toBuffer('https://example.cn/e/x');
    const saved = await storage.saveImage(t.database.db, png, { purpose: 'test', regionCode: '370783', originalName: 'photo.jpg' });
    expect(saved.mime).toBe('image/png');
    const back = await storage.read(t.database.db, saved.id);
    expect(back.bytes.equals(png)).toBe(true);
  });

  it('seals a file stored before encryption at rest: the plaintext leaves the disk, the file still reads back', async () => {
    // A file as the first versions stored it: plain bytes on disk, its row marked not encrypted.
    const png = await QRCode.toBuffer('https://example.cn/e/legacy-licence');
    const id = randomUUID();
    const storageKey = `2026-01/${id}.png`;
    mkdirSync(path.join(dir, 'files', '2026-01'), { recursive: true });
    writeFileSync(storage.pathOf(storageKey), png);
    await t.database.db.insert(files).values({ id, sha256: 'legacy', mime: 'image/png', size: png.length, storageKey, purpose: 'application', regionCode: '370783', encrypted: false });

    expect(await storage.encryptLegacy(t.database.db)).toBeGreaterThanOrEqual(1);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, id));
    expect(row).toMatchObject({ encrypted: true });
    expect(existsSync(storage.pathOf(storageKey))).toBe(false);
    const sealed = readFileSync(storage.pathOf(row!.storageKey));
    expect(sealed.includes(png.subarray(16, 48))).toBe(false);
    expect(statSync(storage.pathOf(row!.storageKey)).mode & 0o777).toBe(0o600);
    expect((await storage.read(t.database.db, id)).bytes.equals(png)).toBe(true);
    // Nothing left to seal: a second run changes nothing.
    expect(await storage.encryptLegacy(t.database.db)).toBe(0);
  });

  it('refuses a text file renamed .jpg, an empty file and one over 5 MB', async () => {
    await expect(storage.checkImage(Buffer.from('not an image at all'))).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', status: 415 });
    await expect(storage.checkImage(Buffer.alloc(0))).rejects.toMatchObject({ code: 'FILE_EMPTY' });
    await expect(storage.checkImage(Buffer.alloc(MAX_IMAGE_BYTES + 1))).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });

  it('judges documents by their bytes: PDF, docx and xlsx (zip containers named by their content types), not a program or a plain zip', async () => {
    expect(await storage.check(await pdfDocument(), DOCUMENTS)).toBe('application/pdf');
    expect(await storage.check(docxDocument(), DOCUMENTS)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await storage.check(await xlsxDocument(), DOCUMENTS)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect(storage.check(exeLike(), DOCUMENTS)).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', status: 415, details: { detected: 'application/x-msdownload' } });
    await expect(storage.check(await pdfDocument(), { ...DOCUMENTS, types: { 'image/png': 'png' } })).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    await expect(storage.check(zipOf({ 'readme.txt': 'x' }), DOCUMENTS)).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', details: { detected: 'application/zip' } });
    await expect(storage.check(Buffer.alloc(MAX_DOCUMENT_BYTES + 1), DOCUMENTS)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });

  it('keeps a file name without folders, control or reserved characters, ending in the type’s extension', () => {
    expect(safeFileName('通知.pdf', 'pdf')).toBe('通知.pdf');
    expect(safeFileName('C:\\temp\\..\\名单.XLSX', 'xlsx')).toBe('名单.XLSX');
    expect(safeFileName('a\u0000b\nc.pdf', 'pdf')).toBe('abc.pdf');
    expect(safeFileName('report.docx', 'pdf')).toBe('report.docx.pdf');
    expect(safeFileName('photo.jpeg', 'jpg')).toBe('photo.jpeg');
    expect(safeFileName('', 'docx')).toBe('attachment.docx');
    expect(safeFileName('..', 'pdf')).toBe('attachment.pdf');
    expect(safeFileName(`${'长'.repeat(200)}.pdf`, 'pdf')).toBe(`${'长'.repeat(116)}.pdf`);
    expect(safeFileName(`${'🌾'.repeat(130)}.pdf`, 'pdf')).toBe(`${'🌾'.repeat(116)}.pdf`);
    expect(safeFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.exe.pdf');
    expect(attachmentDisposition('整改 (1).pdf')).toBe(`attachment; filename="__ (1).pdf"; filename*=UTF-8''%E6%95%B4%E6%94%B9%20%281%29.pdf`);
  });
});

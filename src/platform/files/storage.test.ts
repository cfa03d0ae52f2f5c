import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { FileStorage, MAX_IMAGE_BYTES } from './storage.js';

describe('file storage', () => {
  let t: TestApp;
  let dir: string;
  let storage: FileStorage;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'tn-files-'));
    storage = FileStorage.local(dir);
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

  it('refuses a text file renamed .jpg, an empty file and one over 5 MB', async () => {
    await expect(storage.checkImage(Buffer.from('not an image at all'))).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', status: 415 });
    await expect(storage.checkImage(Buffer.alloc(0))).rejects.toMatchObject({ code: 'FILE_EMPTY' });
    await expect(storage.checkImage(Buffer.alloc(MAX_IMAGE_BYTES + 1))).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });
});

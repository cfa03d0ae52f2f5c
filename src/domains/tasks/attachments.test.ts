import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { docxDocument, exeLike, pdfDocument, xlsxDocument, zipOf } from '../../../test/documents.js';
import { multipart } from '../../../test/subjects.js';
import { agencyIdOf, loginAll, refusedHere } from '../../../test/supervision.js';
import { MAX_DOCUMENT_BYTES } from '../../platform/files/storage.js';
import { todayInChina } from '../../platform/china-time.js';

// 任务附件: documents (PDF, Word, Excel) sent with a task or notice, downloaded by its recipients under their names.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let county: Client;
let station: Client;
let law: Client;
let sichuanCounty: Client;

beforeAll(async () => {
  t = await createTestApp();
  [county, station, law, sichuanCounty] = await loginAll(t, ['sg-admin', 'sg-hl-user', 'sg-law-admin', 'pd-admin'] as const);
});
afterAll(async () => t?.close());

function upload(who: Client, bytes: Buffer, filename: string, mime = 'application/octet-stream') {
  const body = multipart(bytes, filename, mime);
  return t.app.inject({ method: 'POST', url: '/api/v1/supervision/attachments', payload: body.payload, headers: { ...body.headers, cookie: who.cookie!, 'x-csrf-token': who.csrf! } });
}

async function attach(who: Client, bytes: Buffer, filename: string): Promise<{ fileId: string; mime: string; size: number; name: string }> {
  const res = await upload(who, bytes, filename);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** How many files lie in the app's storage folder (a refused upload adds none). */
function storedFiles(): number {
  const root = path.join(t.config.dataDir, 'files');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

const inFuture = (days: number) => todayInChina(Date.now() + days * 86_400_000);
const taskWith = (attachments: string[], recipient: Client, kind = 'base_inspection') => ({
  kind,
  title: '春季基地巡查',
  content: '见附件',
  startsOn: todayInChina(),
  ...(kind === 'notice' ? {} : { dueOn: inFuture(30) }),
  attachments,
  recipients: [{ agencyId: agencyIdOf(recipient) }],
});

describe('attachments of tasks and notices', () => {
  it('publishes a task with a PDF and a docx; the recipient downloads both under their names, an agency elsewhere gets 404', async () => {
    const pdfBytes = await pdfDocument();
    const docxBytes = docxDocument();
    const pdf = await attach(county, pdfBytes, '春季巡查通知.pdf');
    expect(pdf).toMatchObject({ mime: 'application/pdf', size: pdfBytes.length, name: '春季巡查通知.pdf' });
    const docx = await attach(county, docxBytes, '检查表 (2026).docx');
    expect(docx).toMatchObject({ mime: DOCX, name: '检查表 (2026).docx' });

    const published = await county.post('/api/v1/supervision/tasks', taskWith([pdf.fileId, docx.fileId], station));
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().attachments).toEqual([
      { id: pdf.fileId, name: '春季巡查通知.pdf', mime: 'application/pdf', size: pdfBytes.length },
      { id: docx.fileId, name: '检查表 (2026).docx', mime: DOCX, size: docxBytes.length },
    ]);
    const seen = (await station.get(`/api/v1/supervision/tasks/${published.json().id}`)).json();
    expect(seen.attachments.map((a: { id: string }) => a.id)).toEqual([pdf.fileId, docx.fileId]);

    const gotPdf = await station.get(`/api/v1/supervision/attachments/${pdf.fileId}`);
    expect(gotPdf.statusCode, gotPdf.body).toBe(200);
    expect(gotPdf.headers['content-type']).toBe('application/pdf');
    expect(gotPdf.rawPayload.equals(pdfBytes)).toBe(true);
    expect(gotPdf.headers['content-disposition']).toBe(`attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('春季巡查通知.pdf')}`);
    const gotDocx = await station.get(`/api/v1/supervision/attachments/${docx.fileId}`);
    expect(gotDocx.statusCode).toBe(200);
    expect(gotDocx.headers['content-type']).toBe(DOCX);
    expect(gotDocx.rawPayload.equals(docxBytes)).toBe(true);
    expect(gotDocx.headers['content-disposition']).toBe(`attachment; filename="___ (2026).docx"; filename*=UTF-8''%E6%A3%80%E6%9F%A5%E8%A1%A8%20%282026%29.docx`);

    for (const id of [pdf.fileId, docx.fileId]) {
      const elsewhere = await sichuanCounty.get(`/api/v1/supervision/attachments/${id}`);
      expect(elsewhere.statusCode).toBe(404);
      expect(elsewhere.json().code).toBe('FILE_NOT_FOUND');
    }
    expect((await sichuanCounty.get(`/api/v1/supervision/tasks/${published.json().id}`)).statusCode).toBe(404);
  });

  it('publishes a notice with an Excel attachment the same way, read by the enforcement agency it was sent to', async () => {
    const bytes = await xlsxDocument();
    const xlsx = await attach(county, bytes, 'C:\\Users\\county\\名单.xlsx');
    expect(xlsx).toMatchObject({ mime: XLSX, name: '名单.xlsx' });
    const notice = await county.post('/api/v1/supervision/tasks', taskWith([xlsx.fileId], law, 'notice'));
    expect(notice.statusCode, notice.body).toBe(201);
    const got = await law.get(`/api/v1/supervision/attachments/${xlsx.fileId}`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.headers['content-type']).toBe(XLSX);
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect((await sichuanCounty.get(`/api/v1/supervision/attachments/${xlsx.fileId}`)).statusCode).toBe(404);
  });

  it('keeps the name but not its folders or reserved characters, and ends it in what the bytes are', async () => {
    const named = await attach(county, await pdfDocument(), '../../etc/整改<要求>?.docx');
    expect(named.name).toBe('整改要求.docx.pdf');
    expect((await attach(county, docxDocument(), '检查表')).name).toBe('检查表.docx');
  });

  it('refuses a renamed program, a text file called x.pdf and a plain zip called x.docx with 415, and writes nothing', async () => {
    const files = storedFiles();
    for (const [bytes, name] of [
      [exeLike(), 'setup.pdf'],
      [Buffer.from('just text, called a PDF'), 'x.pdf'],
      [zipOf({ 'readme.txt': 'not a Word document' }), 'x.docx'],
    ] as const) {
      const body = await refusedHere(t, () => upload(county, bytes, name, 'application/pdf'), 415, 'FILE_TYPE_NOT_ALLOWED');
      expect(body.message.zh).toContain('PDF、DOCX、XLSX');
      expect(body.message.en).toContain('PDF, DOCX, XLSX');
    }
    expect(storedFiles()).toBe(files);
  });

  it('refuses a file over 20 MB with 413, and writes nothing', async () => {
    const files = storedFiles();
    const big = Buffer.concat([await pdfDocument(), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    await refusedHere(t, () => upload(county, big, 'big.pdf'), 413, 'FILE_TOO_LARGE');
    expect(storedFiles()).toBe(files);
  });

  it('refuses publishing with an attachment uploaded outside the jurisdiction, and writes nothing', async () => {
    const foreign = await attach(sichuanCounty, await pdfDocument(), '通知.pdf');
    await refusedHere(t, () => county.post('/api/v1/supervision/tasks', taskWith([foreign.fileId], station)), 400, 'ATTACHMENT_NOT_FOUND');
    await refusedHere(t, () => county.post('/api/v1/supervision/tasks', taskWith(['00000000-0000-4000-8000-000000000001'], station)), 400, 'ATTACHMENT_NOT_FOUND');
  });

  it('takes uploads only from agencies that publish (a station receives)', async () => {
    await refusedHere(t, () => upload(station, docxDocument(), 'x.docx'), 403, 'FORBIDDEN');
  });
});

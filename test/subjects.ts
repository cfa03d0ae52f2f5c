import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { idCheckChar, usccCheckChar } from '../src/domains/registry/subjects/identity-check.shared.js';
import { PRIVACY_NOTICE_VERSION } from '../src/domains/registry/subjects/subject.contracts.js';

// Fixtures for registration tests: valid identity numbers, real image bytes, a multipart body, a full form.

/** A resident ID of Shouguang (370783) born 1980-01-01 with sequence `seq`, with its correct check character. */
export function residentId(seq: number, region = '370783', birth = '19800101'): string {
  const first17 = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17)!;
}

/** A unified social credit code (9 = registered by the market regulator, 1 = company) with its check character. */
export function uscc(seq: number, region = '370783'): string {
  const first17 = `91${region}${String(seq).padStart(9, '0').replace(/[IOZSV]/g, '0')}`;
  return first17 + usccCheckChar(first17)!;
}

/** The smallest real PNG (1×1). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export function multipart(bytes: Buffer, filename: string, mime = 'application/octet-stream') {
  const boundary = `----tracenet${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Injector = { inject: (o: object) => Promise<LightMyRequestResponse> };

/** One upload ticket per test app, as one browser's wizard holds one (issue 19: anonymous uploads need a ticket). */
const ticketOfApp = new WeakMap<Injector, Promise<string>>();
/** The ticket each photo was uploaded under, so that `farmerApplication` cites it beside the photos. */
const ticketOfFile = new Map<string, string>();

export async function uploadTicket(app: Injector, fresh = false): Promise<string> {
  if (fresh || !ticketOfApp.has(app)) {
    ticketOfApp.set(
      app,
      app.inject({ method: 'POST', url: '/api/v1/registry/upload-tickets' }).then((res) => {
        expect(res.statusCode, res.body).toBe(201);
        return res.json<{ ticket: string }>().ticket;
      }),
    );
  }
  return ticketOfApp.get(app)!;
}

export async function uploadRaw(app: Injector, bytes: Buffer, filename: string, ticket?: string) {
  const body = multipart(bytes, filename);
  const used = ticket ?? (await uploadTicket(app));
  const res = await app.inject({ method: 'POST', url: '/api/v1/registry/uploads', payload: body.payload, headers: { ...body.headers, 'x-upload-ticket': used } });
  if (res.statusCode === 201) ticketOfFile.set(res.json<{ fileId: string }>().fileId, used);
  return res;
}

export async function uploadPhoto(app: Injector, ticket?: string): Promise<string> {
  const res = await uploadRaw(app, PNG, 'photo.png', ticket);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ fileId: string }>().fileId;
}

/** The ticket a photo was uploaded under (a resubmission with new photos cites it). */
export function ticketOf(fileId: string): string | undefined {
  return ticketOfFile.get(fileId);
}

/** A farmer of 化龙镇, 寿光市 (the demo county), applying with an ID card. */
export function farmerApplication(seq: number, photos: { front: string; back: string }, overrides: Record<string, unknown> = {}) {
  return {
    category: 0,
    orgForm: 1,
    name: `测试农户${seq}`,
    industries: ['planting'],
    scale: 12.5,
    scaleUnit: 'mu',
    annualOutput: 30,
    outputUnit: 'tonne',
    idKind: 'resident_id',
    idNumber: residentId(seq),
    legalRep: `农户${seq}`,
    phone: `139${String(seq).padStart(8, '0')}`,
    photos: [
      { kind: 'id_front', fileId: photos.front },
      { kind: 'id_back', fileId: photos.back },
    ],
    provinceCode: '37',
    countyCode: '370783',
    townshipCode: '370783100',
    address: '化龙镇东村 8 号',
    lat: 36.88,
    lng: 118.74,
    username: `farmer${seq}`,
    password: 'Green#Field2026',
    uploadTicket: ticketOfFile.get(photos.front) ?? 'no-ticket',
    privacyConsent: PRIVACY_NOTICE_VERSION,
    ...overrides,
  };
}

/** A farmer of 化龙镇 registered through the real flow (apply, county approves); returns the ids and login. */
export async function registeredFarmer(t: { app: Injector; anonymous: { post: (u: string, b?: unknown) => Promise<LightMyRequestResponse> }; login: (u: string, p?: string) => Promise<unknown> }, seq: number, overrides: Record<string, unknown> = {}) {
  const body = farmerApplication(seq, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) }, overrides);
  const created = await t.anonymous.post('/api/v1/registry/applications', body);
  expect(created.statusCode, created.body).toBe(201);
  const county = (await t.login('sg-admin')) as { post: (u: string, b?: unknown) => Promise<LightMyRequestResponse> };
  const approved = await county.post(`/api/v1/registry/applications/${created.json<{ id: string }>().id}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  return { subjectId: approved.json<{ subjectId: string }>().subjectId, username: body.username, password: body.password, body };
}

/** Values of one row of the bulk-import template, by column key (`name`, `idNumber`, …). */
export type ImportValues = Record<string, string | number>;

/**
 * A valid import row of 化龙镇 (370783100), varied by `seq` (unique up to 30,000): co-operatives with a credit
 * code, persons and family farms with an ID card; codes written both as numbers and as the template's pick-list text.
 */
export function importRow(seq: number, overrides: ImportValues = {}): ImportValues {
  const birth = `19${60 + Math.floor(seq / 1000)}0101`;
  const kind = seq % 3;
  const base: ImportValues =
    kind === 0
      ? { name: `化龙蔬菜合作社${seq}`, category: '2 生产经营', orgForm: 3, idKind: 'uscc', idNumber: uscc(seq), industries: 'planting,fishery', scaleUnit: 'water_mu', outputUnit: 'kg' }
      : kind === 1
        ? { name: `导入农户${seq}`, category: 0, orgForm: '1 个人', idKind: 'resident_id 居民身份证', idNumber: residentId(seq % 1000, '370783', birth), industries: '种植', scaleUnit: 'mu', outputUnit: 'tonne' }
        : { name: `养殖家庭农场${seq}`, category: 0, orgForm: 2, idKind: 'resident_id', idNumber: residentId(seq % 1000, '370783', birth), industries: 'livestock', scaleUnit: 'head', outputUnit: 'head' };
  return {
    ...base,
    legalRep: `负责人${seq}`,
    phone: `137${String(seq).padStart(8, '0')}`,
    scale: 10 + (seq % 90),
    annualOutput: 20 + (seq % 50),
    townshipCode: seq % 2 ? '370783100 化龙镇' : '370783100',
    address: `化龙镇${seq % 40}村 ${seq} 号`,
    lat: 36.8 + (seq % 100) / 1000,
    lng: 118.7 + (seq % 100) / 1000,
    username: `imp${seq}`,
    ...overrides,
  };
}

/** The template (as downloaded) with these rows written from Excel row 2 on; columns found by their "(key)". */
export async function fillImportTemplate(template: Buffer, rows: ImportValues[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0]!;
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = /\((\w+)\)$/.exec(String(cell.value))?.[1];
    if (key) columns.set(key, col);
  });
  rows.forEach((values, i) => {
    const row = ws.getRow(i + 2);
    for (const [key, value] of Object.entries(values)) row.getCell(columns.get(key)!).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

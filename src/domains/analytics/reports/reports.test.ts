import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedKeeping } from '../../../../test/assertions.js';
import { pdfDocument } from '../../../../test/documents.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf.js';
import { multipart } from '../../../../test/subjects.js';
import { loginAll } from '../../../../test/supervision.js';
import { todayInChina } from '../../../platform/china-time.js';
import { queryRows } from '../../../platform/db/rows.js';
import { previousMonth, thisMonth } from '../monitors/index.js';
import { duePeriods } from './report-period.js';
import { generateDueReports } from './report.service.js';

const TABLES = ['periodic_reports', 'report_documents', 'audit_log'];

let t: TestApp;
let ministry: Client;
let province: Client;
let otherProvince: Client;
let city: Client;
let county: Client;

const month = thisMonth();
const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.database.db, q))[0]!.n);
const refused = (send: () => ReturnType<Client['get']>, status: number, code: string) => refusedKeeping(t, TABLES, send, status, code);
type Figures = { sections: { key: string; figures: { key: string; value: number }[] }[] };
const figure = (c: Figures, section: string, key: string) => c.sections.find((s) => s.key === section)!.figures.find((f) => f.key === key)!.value;

beforeAll(async () => {
  t = await createTestApp();
  [ministry, province, otherProvince, city, county] = await loginAll(t, ['moa-admin', 'sd-admin', 'sc-admin', 'wf-admin', 'sg-admin'] as const);
}, 90_000);
afterAll(async () => t?.close());

describe('信息调度: the province’s monthly report', () => {
  let first: { id: string; version: number };

  it('is generated with the guide’s seven sections, its figures equal to the raw counts of the province', async () => {
    const res = await province.post('/api/v1/reports/periodic', { kind: 'monthly', period: month });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    first = r;
    expect(r).toMatchObject({ kind: 'monthly', period: month, version: 1, status: 'draft', scheduled: false, regionCode: '37' });
    expect(r.content.sections.map((s: { key: string }) => s.key)).toEqual(['trace_work', 'registration', 'trace_implementation', 'supervision', 'monitoring', 'enforcement', 'feedback']);
    expect(figure(r.content, 'registration', 'registered')).toBe(await count(sql`SELECT count(*)::int AS n FROM subjects WHERE status IN ('active', 'suspended') AND region_code LIKE '37%'`));
    expect(figure(r.content, 'feedback', 'feedbackFiled')).toBe(
      await count(sql`SELECT count(*)::int AS n FROM feedback WHERE filer_region LIKE '37%' AND created_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`),
    );
    // A second generation is a new version; the first stays as it was.
    const again = (await province.post('/api/v1/reports/periodic', { kind: 'monthly', period: month })).json();
    expect(again.version).toBe(2);
    expect((await province.get(`/api/v1/reports/periodic/${first.id}`)).json().version).toBe(1);
  });

  it('downloads as .xlsx and PDF in Chinese', async () => {
    const xlsx = await province.get(`/api/v1/reports/periodic/${first.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报告信息', '报告内容']);
    expect(wb.worksheets[1]!.getRow(2).getCell(1).value).toBe('一、追溯工作开展情况');
    const pdf = await province.get(`/api/v1/reports/periodic/${first.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('月度信息调度报告');
    expect(text).toContain('七、意见建议处理情况');
  });

  it('only the latest version is submitted; the ministry sees it once submitted and acknowledges it', async () => {
    await refused(() => province.post(`/api/v1/reports/periodic/${first.id}/submit`, {}), 409, 'REPORT_SUPERSEDED');
    const latest = (await province.get('/api/v1/reports/periodic?kind=monthly')).json().items[0];
    expect(latest.version).toBe(2);
    expect((await ministry.get('/api/v1/reports/periodic')).json().items).toEqual([]);
    expect((await ministry.get(`/api/v1/reports/periodic/${latest.id}`)).statusCode).toBe(404);
    const submitted = await province.post(`/api/v1/reports/periodic/${latest.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    await refused(() => province.post(`/api/v1/reports/periodic/${latest.id}/submit`, {}), 409, 'REPORT_STATE');
    expect((await ministry.get('/api/v1/reports/periodic')).json().items.map((i: { id: string }) => i.id)).toEqual([latest.id]);
    const overview = (await ministry.get('/api/v1/reports/submissions')).json().items;
    expect(overview.find((o: { regionCode: string }) => o.regionCode === '37')).toMatchObject({ monthly: { period: month, version: 2, acknowledged: false } });
    expect(overview.find((o: { regionCode: string }) => o.regionCode === '51')).toMatchObject({ monthly: null });
    const ack = await ministry.post(`/api/v1/reports/periodic/${latest.id}/acknowledge`, {});
    expect(ack.json()).toMatchObject({ status: 'acknowledged' });
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('report.generate', 'report.submit', 'report.acknowledge')`)).toBe(4);
  });

  it('refuses another province, a city, a future period and a malformed one', async () => {
    expect((await otherProvince.get(`/api/v1/reports/periodic/${first.id}`)).statusCode).toBe(404);
    await refused(() => city.post('/api/v1/reports/periodic', { kind: 'monthly', period: month }), 403, 'FORBIDDEN');
    await refused(() => county.get('/api/v1/reports/periodic'), 403, 'FORBIDDEN');
    await refused(() => province.post('/api/v1/reports/periodic', { kind: 'monthly', period: '2999-01' }), 400, 'REPORT_PERIOD_NOT_STARTED');
    await refused(() => province.post('/api/v1/reports/periodic', { kind: 'monthly', period: '2026-H1' }), 400, 'VALIDATION_FAILED');
    await refused(() => province.post(`/api/v1/reports/periodic/${first.id}/acknowledge`, {}), 403, 'FORBIDDEN');
  });

  it('the schedule writes last month’s report for every province once', async () => {
    const due = duePeriods(todayInChina());
    expect(due[0]).toEqual({ kind: 'monthly', period: previousMonth(month) });
    const made = await generateDueReports(t.database.db, due);
    const provinces = await count(sql`SELECT count(*)::int AS n FROM agencies WHERE kind = 'supervision' AND level = 'province' AND status = 'active'`);
    expect(made).toBe(provinces * due.length);
    expect(await generateDueReports(t.database.db, due)).toBe(0);
    const scheduled = (await otherProvince.get('/api/v1/reports/periodic')).json().items;
    expect(scheduled).toEqual([expect.objectContaining({ period: previousMonth(month), scheduled: true, version: 1, regionCode: '51' })]);
  });

  it('writes a half-year summary over its six months', async () => {
    const half = `${month.slice(0, 4)}-H${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`;
    const res = await province.post('/api/v1/reports/periodic', { kind: 'half_year', period: half });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.content).toMatchObject({ kind: 'half_year', period: half, firstDay: half.endsWith('H1') ? `${half.slice(0, 4)}-01-01` : `${half.slice(0, 4)}-07-01` });
    expect(figure(r.content, 'registration', 'registeredInPeriod')).toBe(
      await count(sql`SELECT count(*)::int AS n FROM subjects WHERE status IN ('active', 'suspended') AND region_code LIKE '37%' AND registered_at >= ${new Date(`${r.content.firstDay}T00:00:00+08:00`)}`),
    );
    const pdf = await province.get(`/api/v1/reports/periodic/${r.id}/report.pdf`);
    expect(await pdfText(pdf.rawPayload)).toContain('半年总结报告');
  });

  it('knows its half years', () => {
    expect(duePeriods('2027-01-05').map((d) => d.period)).toEqual(['2026-12', '2026-H2']);
    expect(duePeriods('2027-07-01').map((d) => d.period)).toEqual(['2027-06', '2027-H1']);
  });
});

describe('实施方案 and progress reports', () => {
  it('a province submits a document with an attachment; the ministry reads it; another province does not', async () => {
    const body = multipart(await pdfDocument('Implementation plan'), '实施方案.pdf', 'application/pdf');
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/reports/documents/attachments', payload: body.payload, headers: { ...body.headers, cookie: province.cookie!, 'x-csrf-token': province.csrf! } });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().fileId;
    const doc = await province.post('/api/v1/reports/documents', { kind: 'plan', title: '山东省追溯平台推广应用实施方案', attachments: [fileId] });
    expect(doc.statusCode, doc.body).toBe(201);
    const id = doc.json().id;
    expect((await ministry.get('/api/v1/reports/documents')).json().items).toEqual([expect.objectContaining({ id, kind: 'plan', attachments: [expect.objectContaining({ id: fileId })] })]);
    expect((await ministry.get(`/api/v1/reports/documents/${id}/attachments/${fileId}`)).statusCode).toBe(200);
    expect((await otherProvince.get(`/api/v1/reports/documents/${id}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await otherProvince.get('/api/v1/reports/documents')).json().items).toEqual([]);
    await refused(() => otherProvince.post('/api/v1/reports/documents', { kind: 'plan', title: '借用附件', attachments: [fileId] }), 400, 'REPORT_ATTACHMENT_NOT_FOUND');
    const overview = (await ministry.get('/api/v1/reports/submissions')).json().items;
    expect(overview.find((o: { regionCode: string }) => o.regionCode === '37')).toMatchObject({ documents: 1, lastDocumentAt: expect.any(String) });
  });
});

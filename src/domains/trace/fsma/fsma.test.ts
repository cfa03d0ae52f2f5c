import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { FSMA_COLUMNS } from './fsma.sheet.js';

// FSMA 204 (issue 18 §3): a lot grown on a base in 化龙镇 (sg-coop), sold to a registered farmer (sg-farmer) who
// enters part of it in a wholesale market; the county exports the chain as the FDA's sortable spreadsheet.

let t: TestApp;
let coop: Client;
let farmer: Client;
let lot: { id: string; code: string };
let bought: { id: string; code: string };
let voucher: string;

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  const base = (await coop.post('/api/v1/trace/bases', { name: '化龙镇 3 号大棚', regionCode: '370783100', address: '化龙镇裴岭村北', area: 12, areaUnit: 'mu', lat: 36.87, lng: 118.64 })).json();
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '5kg/箱', unit: 'kg' })).json();
  const created = await coop.post('/api/v1/trace/batches', { productId: product.id, baseId: base.id, quantity: 500, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
  expect(created.statusCode, created.body).toBe(201);
  lot = created.json();
  const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const sale = (await coop.post('/api/v1/trace/trades', { batchId: lot.id, buyerToken: token, quantity: 120, unit: 'kg' })).json();
  const confirmed = (await farmer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {})).json();
  bought = { id: confirmed.buyerBatchId, code: confirmed.buyerBatchCode };
  const entry = await farmer.post('/api/v1/trace/market-entries', { batchId: bought.id, quantity: 40, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', address: '寿光市文圣街 8 号', stall: 'A-17' } });
  expect(entry.statusCode, entry.body).toBe(201);
  voucher = entry.json().buyerBatchCode;
});
afterAll(async () => t?.close());

type Row = Record<string, string>;
const header = Object.fromEntries(FSMA_COLUMNS.map((c) => [c.key, c.header]));

async function sheets(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const read = (name: string): Row[] => {
    const ws = wb.getWorksheet(name)!;
    const heads = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Row[] = [];
    ws.eachRow((r, i) => {
      if (i > 1) rows.push(Object.fromEntries(heads.map((h, j) => [h, String(r.getCell(j + 1).value ?? '')])));
    });
    return rows;
  };
  return { main: read('FSMA 204'), about: read('About') };
}

describe('FSMA 204 sortable spreadsheet', () => {
  it('gives the county each critical tracking event of the chain with its key data elements, sorted by date', async () => {
    const county = await t.login('sg-admin');
    const res = await county.get(`/api/v1/trace/batches/${bought.id}/fsma204`);
    expect(res.statusCode, res.body).toBe(200);
    const { main, about } = await sheets(res);
    expect(main.map((r) => r[header.cte!])).toEqual(['Harvesting', 'Initial packing', 'Shipping', 'Shipping', 'Receiving', 'Receiving']);
    const harvest = main[0]!;
    expect(harvest).toMatchObject({ [header.tlc!]: lot.code, [header.product!]: '寿光番茄', [header.quantity!]: '500', [header.unit!]: 'kg', [header.date!]: '2026-11-20', [header.field!]: '化龙镇 3 号大棚' });
    expect(harvest[header.commodity!]).toMatch(/[A-Za-z]/); // the class in English
    expect(harvest[header.subsequentRecipient!]).toContain('张建国');
    const [toFarmer, toMarket] = main.filter((r) => r[header.cte!] === 'Shipping');
    expect(toFarmer).toMatchObject({ [header.tlc!]: lot.code, [header.quantity!]: '120', [header.referenceType!]: 'Tracenet trade record', [header.referenceNumber!]: bought.code });
    expect(toMarket).toMatchObject({ [header.tlc!]: bought.code, [header.quantity!]: '40', [header.subsequentRecipient!]: expect.stringContaining('寿光农产品物流园') });
    const received = main.find((r) => r[header.cte!] === 'Receiving' && r[header.tlc!] === lot.code)!;
    expect(received).toMatchObject({ [header.tracenetCode!]: bought.code, [header.previousSource!]: expect.stringContaining('寿光市') });
    expect(main.find((r) => r[header.tracenetCode!] === voucher)).toBeDefined();
    // Dates ascend: the sheet is sortable and sorted.
    const dates = main.map((r) => r[header.date!]!);
    expect([...dates].sort()).toEqual(dates);
    // What Tracenet does not hold is said, and every column cites its paragraph.
    expect(about.some((r) => r.Column === 'Not held by Tracenet (left empty)' && /Cooling/.test(r['Source (21 CFR part 1 subpart S)']!))).toBe(true);
    for (const c of FSMA_COLUMNS) expect(about.find((r) => r.Column === c.header), c.header).toBeDefined();
    // No phone of anyone leaves in it.
    expect(JSON.stringify(main)).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('the same as CSV with a BOM (Excel reads UTF-8), and each export is on the audit record', async () => {
    const county = await t.login('sg-admin');
    const res = await county.get(`/api/v1/trace/batches/${lot.id}/fsma204?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(res.body.slice(1), { columns: true }) as Row[];
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!)).toEqual(FSMA_COLUMNS.map((c) => c.header));
    const audit = (await (await t.login('sd-admin')).get('/api/v1/audit?action=trace.fsma204.export')).json();
    expect(audit.items[0], JSON.stringify(audit)).toMatchObject({ action: 'trace.fsma204.export', after: { rows: 6, filter: { code: lot.code, format: 'csv' } } });
  });

  it('refuses what the caller may not trace: another province’s agency gets 404, bad format 400', async () => {
    const other = await t.login('pd-admin');
    expect((await other.get(`/api/v1/trace/batches/${lot.id}/fsma204`)).statusCode).toBe(404);
    expect((await (await t.login('sg-admin')).get(`/api/v1/trace/batches/${lot.id}/fsma204?format=pdf`)).statusCode).toBe(400);
  });
});

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../platform/china-time.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { FSMA_COLUMNS } from './fsma.sheet.js';

// FSMA 204 for a product class and a period (issue 18 §3): the lots of the class recorded in the period, with their
// shipments and receipts, as one sortable spreadsheet; a lot of another class is not in it.

let t: TestApp;
let coop: Client;
let farmer: Client;
const today = todayInChina();
const header = Object.fromEntries(FSMA_COLUMNS.map((c) => [c.key, c.header]));
const codes: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [coop, farmer] = [(await t.login('sg-coop'))!, (await t.login('sg-farmer'))!];
  const tomato = (await coop.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '散装', unit: 'kg' })).json();
  const other = (await coop.post('/api/v1/trace/products', { name: '寿光小麦', classCode: '01', spec: '散装', unit: 'kg' })).json();
  const lot = (await coop.post('/api/v1/trace/batches', { productId: tomato.id, quantity: 500, unit: 'kg', harvestDate: today, selfCheck: { result: 'pass' } })).json();
  const wheat = (await coop.post('/api/v1/trace/batches', { productId: other.id, quantity: 80, unit: 'kg', harvestDate: today, selfCheck: { result: 'pass' } })).json();
  codes.tomato = lot.code;
  codes.wheat = wheat.code;
  const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const sale = (await coop.post('/api/v1/trace/trades', { batchId: lot.id, buyerToken: token, quantity: 120, unit: 'kg' })).json();
  codes.bought = (await farmer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {})).json().buyerBatchCode;
}, 60_000);
afterAll(async () => t?.close());

describe('FSMA 204 by product class and period', () => {
  it('gives the county the events of the class’s lots in the period, and none of another class', async () => {
    const county = await t.login('sg-admin');
    const res = await county.get(`/api/v1/trace/fsma204?classCode=04&from=${today}&to=${today}&format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`fsma204-04-${today}-${today}.csv`);
    const rows = parse(res.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r[header.cte!]} ${r[header.tlc!]}`).sort()).toEqual(
      [`Harvesting ${codes.tomato}`, `Initial packing ${codes.tomato}`, `Shipping ${codes.tomato}`, `Receiving ${codes.tomato}`].sort(),
    );
    expect(res.body).not.toContain(codes.wheat!);
    const xlsx = await county.get(`/api/v1/trace/fsma204?classCode=01&from=${today}&to=${today}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('a producer gets its own lots only; a period ending before it starts, or over a year, is refused', async () => {
    const res = await farmer.get(`/api/v1/trace/fsma204?classCode=04&from=${today}&to=${today}&format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    // The farmer's lot is the one bought: its receipt is its event, the coop's harvest is not the farmer's lot.
    const rows = parse(res.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.every((r) => r[header.cte!] !== 'Harvesting')).toBe(true);
    expect(rows.some((r) => r[header.cte!] === 'Receiving' && r[header.tracenetCode!] === codes.bought)).toBe(true);
    expect((await farmer.get(`/api/v1/trace/fsma204?classCode=04&from=2026-12-31&to=2026-01-01`)).statusCode).toBe(400);
    expect((await farmer.get(`/api/v1/trace/fsma204?classCode=04&from=2024-01-01&to=2026-01-01`)).statusCode).toBe(400);
  });
});

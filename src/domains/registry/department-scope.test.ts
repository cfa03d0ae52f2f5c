import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { fisheryBureau } from '../../../test/departments.js';
import { farmerApplication, uploadPhoto } from '../../../test/subjects.js';
import { answers } from '../../../test/supervision.js';

// Departments everywhere (issue 21 §3): 寿光市 gets a 渔业 bureau beside its 农业农村局 (sg-admin). The fishery bureau
// sees, inspects, decides the changes of and sends tasks about the fish farms of its county only; the general bureau
// the rest; the province (general, above the county) and the township station see both.

let t: TestApp;
let county: Client;
let fishery: Client;
let province: Client;
let station: Client;
let fishFarm: string;
let vegFarm: string;

const ids = (res: { json: <T>() => T }) => res.json<{ items: { id: string }[] }>().items.map((s) => s.id);

async function registered(seq: number, overrides: Record<string, unknown>, approver: () => Client): Promise<string> {
  const body = farmerApplication(seq, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) }, overrides);
  const applied = await t.anonymous.post('/api/v1/registry/applications', body);
  expect(applied.statusCode, applied.body).toBe(201);
  const approved = await approver().post(`/api/v1/registry/applications/${applied.json<{ id: string }>().id}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json<{ subjectId: string }>().subjectId;
}

const inspection = (subjectId: string) => ({ subjectId, industry: 'planting', answers: answers(), conclusion: 'compliant', lat: 36.88, lng: 118.74, noPhotoReason: '相机故障，未能拍照' });
const task = (recipients: string[], targetSubjectIds: string[] = []) => ({
  kind: 'base_inspection',
  title: '水产养殖基地巡查',
  content: '对辖区水产养殖场开展巡查。',
  targetCount: 2,
  startsOn: '2026-11-01',
  dueOn: '2026-12-31',
  recipients: recipients.map((agencyId) => ({ agencyId })),
  targetSubjectIds,
});

beforeAll(async () => {
  t = await createTestApp();
  county = await t.login('sg-admin');
  province = await t.login('sd-admin');
  station = await t.login('sg-hl-user');
  ({ fishery } = await fisheryBureau(t));
  fishFarm = await registered(601, { industries: ['fishery'], scaleUnit: 'water_mu', outputUnit: 'tonne' }, () => fishery);
  vegFarm = await registered(602, {}, () => county);
});
afterAll(async () => t?.close());

describe('subjects by department', () => {
  it('the fishery bureau lists and opens only the fish farms of its county; the general bureau the rest', async () => {
    const fisheryList = ids(await fishery.get('/api/v1/registry/subjects?limit=100'));
    expect(fisheryList).toEqual([fishFarm]);
    const generalList = ids(await county.get('/api/v1/registry/subjects?limit=100'));
    expect(generalList).toContain(vegFarm);
    expect(generalList).not.toContain(fishFarm);
    expectError(await county.get(`/api/v1/registry/subjects/${fishFarm}`), 404, 'SUBJECT_NOT_FOUND');
    expectError(await fishery.get(`/api/v1/registry/subjects/${vegFarm}`), 404, 'SUBJECT_NOT_FOUND');
    expect((await fishery.get(`/api/v1/registry/subjects/${fishFarm}`)).statusCode).toBe(200);
  });

  it('the province and the township station, general agencies, see both', async () => {
    for (const who of [province, station]) {
      expect((await who.get(`/api/v1/registry/subjects/${fishFarm}`)).statusCode).toBe(200);
      expect((await who.get(`/api/v1/registry/subjects/${vegFarm}`)).statusCode).toBe(200);
    }
  });

  it('a fish farm’s change request reaches the fishery bureau, which approves it; the general bureau does not see it', async () => {
    const farmer = await t.login('farmer601', 'Green#Field2026');
    const asked = await farmer.post('/api/v1/registry/my-subject/change-requests', { changes: { scale: 80 }, reason: '扩大养殖水面' });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json<{ id: string }>().id;
    expect(ids(await county.get('/api/v1/registry/change-requests?status=pending'))).not.toContain(id);
    expect(ids(await fishery.get('/api/v1/registry/change-requests?status=pending'))).toEqual([id]);
    expect((await county.post(`/api/v1/registry/change-requests/${id}/approve`, {})).statusCode).toBe(404);
    const approved = await fishery.post(`/api/v1/registry/change-requests/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('a temporary subject the fishery bureau records in the field stays in its sight', async () => {
    const res = await fishery.post('/api/v1/registry/temporary-subjects', { category: 0, orgForm: 1, name: '无证鱼塘', industries: ['fishery'], regionCode: '370783100' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await fishery.get(`/api/v1/registry/subjects/${res.json<{ id: string }>().id}`)).statusCode).toBe(200);
    expect((await county.get(`/api/v1/registry/subjects/${res.json<{ id: string }>().id}`)).statusCode).toBe(404);
  });
});

describe('inspections by department', () => {
  it('the fishery bureau inspects its fish farm; the general bureau may not, and does not see the inspection', async () => {
    expectError(await county.post('/api/v1/supervision/inspections', inspection(fishFarm)), 403, 'SUBJECT_OUT_OF_JURISDICTION');
    const done = await fishery.post('/api/v1/supervision/inspections', inspection(fishFarm));
    expect(done.statusCode, done.body).toBe(201);
    const id = done.json<{ id: string }>().id;
    expect(ids(await fishery.get('/api/v1/supervision/inspections'))).toContain(id);
    expect(ids(await county.get('/api/v1/supervision/inspections'))).not.toContain(id);
    expect((await county.get(`/api/v1/supervision/inspections/${id}`)).statusCode).toBe(404);
    expect((await province.get(`/api/v1/supervision/inspections/${id}`)).statusCode).toBe(200);
    expectError(await fishery.post('/api/v1/supervision/inspections', inspection(vegFarm)), 403, 'SUBJECT_OUT_OF_JURISDICTION');
  });
});

describe('tasks by department', () => {
  it('the fishery bureau sends to the township’s general station about its own fish farms only', async () => {
    const options = (await fishery.get('/api/v1/supervision/recipient-options?kind=base_inspection')).json<{ items: { id: string; kind: string; level: string }[] }>().items;
    expect(options.map((o) => o.id)).toContain(station.me!.agency.id);
    expectError(await fishery.post('/api/v1/supervision/tasks', task([station.me!.agency.id], [vegFarm])), 422, 'TARGET_SUBJECT_OUT_OF_SCOPE');
    const sent = await fishery.post('/api/v1/supervision/tasks', task([station.me!.agency.id], [fishFarm]));
    expect(sent.statusCode, sent.body).toBe(201);
  });

  it('the general bureau of the county targets its own subjects, not the fishery bureau’s', async () => {
    expectError(await county.post('/api/v1/supervision/tasks', task([station.me!.agency.id], [fishFarm])), 422, 'TARGET_SUBJECT_OUT_OF_SCOPE');
    expect((await county.post('/api/v1/supervision/tasks', task([station.me!.agency.id], [vegFarm]))).statusCode).toBe(201);
  });
});

describe('agencies by department', () => {
  it('the agency list says each agency’s department and filters by it', async () => {
    const res = await province.get('/api/v1/agencies?department=fishery&limit=100');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: { name: string; department: string }[] }>().items).toEqual([expect.objectContaining({ name: '寿光市渔业局', department: 'fishery' })]);
  });
});

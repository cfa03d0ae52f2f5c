import type { InjectOptions } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opinionIn } from '../src/domains/registry/subjects/subject.contracts.js';
import { applicationIn, badRecordIn, certificateIn, changeRequestIn, resubmitIn, staffIn, statusChangeIn, temporarySubjectIn } from '../src/domains/registry/subjects/subject.contracts.js';
import { counts, type Counts } from './assertions.js';
import { BAD_IDS, badInputProblems, problemWith, type Json } from './fuzz.js';
import { createTestApp, type Client, type TestApp } from './harness.js';
import { farmerApplication, registeredFarmer, uploadPhoto } from './subjects.js';

/**
 * Issue 3, "Bad input": generated bad bodies, raw junk and wrong content types to every write route of
 * registration. Each must be a 4xx with a stable code and a zh/en message — never a 5xx — and write nothing.
 */

type Route = { name: string; url: string; client: () => Client; valid: Json; schema: z.ZodType };

describe('bad input to every write route of registration', () => {
  let t: TestApp;
  let routes: Route[];
  let before: Counts;
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const farmer = await registeredFarmer(t, 21);
    const main = await t.login(farmer.username, farmer.password);
    const county = await t.login('sg-admin');
    const pending = farmerApplication(22, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) });
    const { id, trackingCode } = (await t.anonymous.post('/api/v1/registry/applications', pending)).json<{ id: string; trackingCode: string }>();
    const { username: _u, password: _p, privacyConsent: _c, ...profile } = pending;
    const anon = () => t.anonymous;
    routes = [
      { name: 'apply', url: '/api/v1/registry/applications', client: anon, valid: { ...pending, username: 'fuzz-farmer' }, schema: applicationIn },
      { name: 'resubmit', url: `/api/v1/registry/applications/track/${trackingCode}/resubmit`, client: anon, valid: profile, schema: resubmitIn },
      { name: 'return', url: `/api/v1/registry/applications/${id}/return`, client: () => county, valid: { opinion: '照片不清晰' }, schema: opinionIn },
      { name: 'suspend', url: `/api/v1/registry/subjects/${farmer.subjectId}/suspend`, client: () => county, valid: { reason: '抽检不合格' }, schema: statusChangeIn },
      { name: 'bad record', url: `/api/v1/registry/subjects/${farmer.subjectId}/bad-records`, client: () => county, valid: { severity: 'minor', description: '记录不全', occurredOn: '2026-10-01' }, schema: badRecordIn },
      { name: 'temporary', url: '/api/v1/registry/temporary-subjects', client: () => county, valid: { category: 0, orgForm: 1, name: '临时', industries: ['planting'], regionCode: '370783100' }, schema: temporarySubjectIn },
      { name: 'staff', url: '/api/v1/registry/my-subject/accounts', client: () => main, valid: { username: 'fuzz-staff', displayName: '帮工', password: 'Helper#Field2026' }, schema: staffIn },
      {
        name: 'certificate',
        url: '/api/v1/registry/my-subject/certificates',
        client: () => main,
        valid: { kind: 'green', number: 'LB-1', products: '番茄', validFrom: '2026-01-01', validTo: '2027-01-01', scanFileId: '00000000-0000-4000-8000-000000000000' },
        schema: certificateIn,
      },
      { name: 'change request', url: '/api/v1/registry/my-subject/change-requests', client: () => main, valid: { changes: { scale: 20 }, reason: '扩大' }, schema: changeRequestIn },
    ];
    before = await counts(t);
  });
  afterAll(() => t.close());

  async function post(route: Route, payload: string | Buffer | undefined, contentType: string | null = 'application/json', url = route.url) {
    sent++;
    const c = route.client();
    const headers: Record<string, string> = { ...(c.cookie ? { cookie: c.cookie, 'x-csrf-token': c.csrf ?? '' } : {}) };
    if (payload !== undefined && contentType) headers['content-type'] = contentType;
    const options: InjectOptions = { method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) };
    return t.app.inject(options);
  }

  // One test per route, so that each stays well inside the per-test time limit on a loaded machine.
  const NAMES = ['apply', 'resubmit', 'return', 'suspend', 'bad record', 'temporary', 'staff', 'certificate', 'change request'];
  it.each(NAMES)('refuses generated bad bodies, raw junk and other content types to %s with a 4xx and a stable code', async (name) => {
    const route = routes.find((r) => r.name === name)!;
    expect(await badInputProblems(route, (payload, type) => post(route, payload, type))).toEqual([]);
  });

  it('covers every route named', () => expect(routes.map((r) => r.name)).toEqual(NAMES));

  it('refuses ids and tracking codes that are malformed, and unknown ones with 404', async () => {
    const failures: string[] = [];
    const county = routes.find((r) => r.name === 'return')!;
    for (const id of BAD_IDS) {
      for (const url of [`/api/v1/registry/applications/${id}/approve`, `/api/v1/registry/subjects/${id}/suspend`, `/api/v1/registry/applications/track/${id}/resubmit`]) {
        const problem = problemWith(await post(county, '{}', 'application/json', url), ['VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND']);
        if (problem) failures.push(`${url.slice(0, 100)}: ${problem}`);
      }
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(problemWith(await post(county, '{}', 'application/json', `/api/v1/registry/applications/${unknown}/approve`), ['APPLICATION_NOT_FOUND'])).toBeNull();
    expect(problemWith(await post(county, '{"reason":"原因"}', 'application/json', `/api/v1/registry/subjects/${unknown}/suspend`), ['SUBJECT_NOT_FOUND'])).toBeNull();
    expect(problemWith(await post(county, '{}', 'application/json', '/api/v1/registry/applications/track/ZZZZZZZZZZZZ/resubmit'), ['VALIDATION_FAILED', 'APPLICATION_NOT_FOUND'])).toBeNull();
    expect(failures).toEqual([]);
  });

  it('wrote nothing', async () => {
    expect(sent).toBeGreaterThan(2000);
    expect(await counts(t)).toEqual(before);
  });
});

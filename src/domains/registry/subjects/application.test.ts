import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { refused, expectError } from '../../../../test/assertions.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { farmerApplication, residentId, uploadPhoto, uscc } from '../../../../test/subjects.js';

// The online registration flow end to end over HTTP: apply, follow, return, resubmit, approve, sign in.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function photos() {
  return { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) };
}

describe('registration', () => {
  it('goes from application through return and resubmission to an active subject account', async () => {
    const body = farmerApplication(1, await photos());
    const created = await t.anonymous.post('/api/v1/registry/applications', body);
    expect(created.statusCode, created.body).toBe(201);
    const { id, trackingCode, statusUrl } = created.json();
    expect(statusUrl).toBe(`http://localhost:3000/register/status/${trackingCode}`);

    // The password is kept only as its hash: nowhere in the stored application, nor the identity number in clear.
    const stored = JSON.stringify(await queryRows(t.database.db, sql`SELECT * FROM subject_applications WHERE id = ${id}`));
    expect(stored).not.toContain(body.password);
    expect(stored).not.toContain(body.idNumber);
    expect(stored).not.toContain(body.phone);

    const tracked = (await t.anonymous.get(`/api/v1/registry/applications/track/${trackingCode}`)).json();
    expect(tracked.status).toBe('pending');
    expect(tracked.profile.idNumber).toBe(`3707${'*'.repeat(10)}${body.idNumber.slice(-4)}`);
    expect(tracked.profile.phone).toBe('139****0001');

    const county = await t.login('sg-admin');
    const inbox = (await county.get('/api/v1/registry/applications?status=pending')).json();
    expect(inbox.items.map((a: { id: string }) => a.id)).toContain(id);

    const view = (await county.get(`/api/v1/registry/applications/${id}`)).json();
    expect(view.revealed).toBe(true);
    expect(view.profile.idNumber).toBe(body.idNumber);
    expect(view.profile.phone).toBe(body.phone);
    // Seeing the numbers in full is itself recorded, with who looked.
    const audit = (await t.login('sd-admin').then((c) => c.get('/api/v1/audit?action=application.view_pii'))).json();
    expect(audit.items.filter((e: { targetId: string; actorName: string }) => e.targetId === id && e.actorName === 'sg-admin')).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(body.idNumber);
    // The approval inbox belongs to the county alone: the city above it has none.
    const cityView = (await (await t.login('wf-admin')).get(`/api/v1/registry/applications/${id}`));
    expect(cityView.statusCode).toBe(403);

    const photo = await county.get(`/api/v1/registry/applications/${id}/photos/${body.photos[0]!.fileId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');

    const returned = await county.post(`/api/v1/registry/applications/${id}/return`, { opinion: '身份证照片不清晰，请重新拍摄' });
    expect(returned.json().status).toBe('returned');
    expect((await t.anonymous.get(`/api/v1/registry/applications/track/${trackingCode}`)).json().opinion).toBe('身份证照片不清晰，请重新拍摄');

    const { username: _u, password: _p, privacyConsent: _c, ...profile } = body;
    const resubmitted = await t.anonymous.post(`/api/v1/registry/applications/track/${trackingCode}/resubmit`, { ...profile, photos: [{ kind: 'id_front', fileId: await uploadPhoto(t.app) }, body.photos[1]] });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'pending', revision: 2 });

    const approved = await county.post(`/api/v1/registry/applications/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().identityCode).toBe(`0.3707${'*'.repeat(10)}${body.idNumber.slice(-4)}.00000`);
    // The number as lists show it is kept beside the encrypted one, masked: a long list need not decrypt to mask.
    const [kept] = await queryRows<{ id_shown: string }>(t.database.db, sql`SELECT id_shown FROM subjects WHERE id = ${approved.json().subjectId}`);
    expect(kept!.id_shown).toBe(`3707${'*'.repeat(10)}${body.idNumber.slice(-4)}`);
    expect(approved.json().history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'resubmit', 'approve']);

    const farmer = await t.login('farmer1', body.password);
    const me = (await farmer.get('/api/v1/auth/me')).json();
    expect(me.agency).toBeNull();
    expect(me.subject).toMatchObject({ name: body.name, status: 'active', accountNo: 1 });
    expect(me.permissions).toEqual(['epcis.capture', 'epcis.query', 'feedback.file', 'notice.read', 'rectification.answer', 'subject.manage', 'subject.self', 'trace.graph', 'trace.read', 'trace.write']);
    const mine = (await farmer.get('/api/v1/registry/my-subject')).json();
    expect(mine.profile.idNumber).not.toContain(body.idNumber.slice(4, 14));
    // A subject's account is no official: agency lists are closed to it.
    expectError(await farmer.get('/api/v1/agencies'), 403, 'FORBIDDEN');
    expectError(await farmer.get('/api/v1/registry/subjects'), 403, 'FORBIDDEN');

    const pdf = await farmer.get('/api/v1/registry/my-subject/identity/card.pdf');
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers an anonymous caller alike whether an identity number is free, pending or registered (issue 19)', async () => {
    const body = farmerApplication(2, await photos());
    expect((await t.anonymous.post('/api/v1/registry/applications', body)).statusCode).toBe(201);
    const registered = farmerApplication(1, await photos()).idNumber;
    const fresh = residentId(42);
    // A taken login is refused first, the same way for any identity number: nothing is learnt about the numbers.
    const answers = [];
    for (const idNumber of [registered, body.idNumber, fresh]) {
      const res = await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...body, idNumber, username: 'sg-admin' }), 409, 'USERNAME_TAKEN');
      answers.push(JSON.stringify({ ...res, details: { ...res.details, requestId: null } }));
    }
    expect(new Set(answers).size).toBe(1);
    // With a free login, an application for a pending or registered number is taken like any other…
    const squat = await t.anonymous.post('/api/v1/registry/applications', farmerApplication(2, await photos(), { username: 'farmer2b' }));
    expect(squat.statusCode, squat.body).toBe(201);
    expect(Object.keys(squat.json()).sort()).toEqual(['id', 'status', 'statusUrl', 'trackingCode']);
    const second = await t.anonymous.post('/api/v1/registry/applications', farmerApplication(1, await photos(), { username: 'farmer1b' }));
    expect(second.statusCode, second.body).toBe(201);
    // …and only the tracking code, which the applicant alone holds, tells the clash.
    expect((await t.anonymous.get(`/api/v1/registry/applications/track/${squat.json().trackingCode}`)).json().clash).toBe('pending');
    expect((await t.anonymous.get(`/api/v1/registry/applications/track/${second.json().trackingCode}`)).json().clash).toBe('registered');
    // The county sees the clash in its inbox and decides: the squatter's application blocks no one.
    const county = await t.login('sg-admin');
    const inbox = (await county.get('/api/v1/registry/applications?status=pending&limit=200')).json<{ items: { id: string; clash: string | null }[] }>().items;
    expect(inbox.find((a) => a.id === squat.json().id)?.clash).toBe('pending');
    expect(inbox.find((a) => a.id === second.json().id)?.clash).toBe('registered');
    expect((await county.get(`/api/v1/registry/applications/${squat.json().id}`)).json().clash).toBe('pending');
    expect((await county.post(`/api/v1/registry/applications/${squat.json().id}/reject`, { opinion: '证件号码与他人申请冲突，经核实非本人' })).statusCode).toBe(200);
    const owner = inbox.find((a) => a.id !== squat.json().id && a.clash === 'pending');
    expect(owner).toBeDefined();
    expect((await county.get(`/api/v1/registry/applications/${owner!.id}`)).json().clash).toBeNull();
    expect((await county.post(`/api/v1/registry/applications/${owner!.id}/approve`, {})).statusCode).toBe(200);
    // Approving the number a second time is refused to the county, which may say so.
    await refused(t, () => county.post(`/api/v1/registry/applications/${second.json().id}/approve`, {}), 409, 'IDENTITY_REGISTERED');
  });

  it('refuses bad identity numbers, regions, coordinates and units with precise codes', async () => {
    const p = await photos();
    const good = farmerApplication(3, p);
    const wrongCheck = good.idNumber.slice(0, 17) + (good.idNumber[17] === '0' ? '1' : '0');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, idNumber: wrongCheck }), 400, 'IDENTITY_CHECK_CHARACTER');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, idNumber: residentId(3, '370783', '20991231') }), 400, 'IDENTITY_BIRTH_DATE');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, countyCode: '3707' }), 400, 'VALIDATION_FAILED');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, countyCode: '370700', townshipCode: '370700100' }), 400, 'REGION_NOT_COUNTY');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, provinceCode: '51' }), 400, 'REGION_NOT_IN_PROVINCE');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, townshipCode: '510117104' }), 400, 'TOWNSHIP_NOT_IN_COUNTY');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, lat: 48.85, lng: 2.35 }), 400, 'COORDINATES_OUTSIDE_CHINA');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, scaleUnit: 'head' }), 400, 'UNITS_DO_NOT_FIT');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, orgForm: 0 }), 400, 'ID_KIND_MISMATCH');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...good, photos: [good.photos[0]] }), 400, 'PHOTOS_MISSING');
  });

  it('takes a company with its credit code (shown in full, it is public) and checks that code', async () => {
    const licence = await uploadPhoto(t.app);
    const company = farmerApplication(5, { front: licence, back: licence }, {
      orgForm: 0,
      name: '寿光市绿源蔬菜有限公司',
      idKind: 'uscc',
      idNumber: uscc(5),
      photos: [{ kind: 'licence', fileId: licence }],
      username: 'lvyuan',
    });
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...company, idNumber: company.idNumber.slice(0, 17) + (company.idNumber[17] === 'A' ? 'B' : 'A') }), 400, 'IDENTITY_CHECK_CHARACTER');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...company, idNumber: `I${company.idNumber.slice(1)}` }), 400, 'IDENTITY_FORMAT');
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', { ...company, photos: [{ kind: 'id_front', fileId: licence }] }), 400, 'PHOTOS_MISSING');
    const created = await t.anonymous.post('/api/v1/registry/applications', company);
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.anonymous.get(`/api/v1/registry/applications/track/${created.json().trackingCode}`)).json().profile.idNumber).toBe(company.idNumber);
    const approved = await (await t.login('sg-admin')).post(`/api/v1/registry/applications/${created.json().id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().identityCode).toBe(`0.${company.idNumber}.00000`);
    const [kept] = await queryRows<{ id_shown: string }>(t.database.db, sql`SELECT id_shown FROM subjects WHERE id = ${approved.json().subjectId}`);
    expect(kept!.id_shown).toBe(company.idNumber);
  });

  it('lets one of several simultaneous identical applications through, and replays a retried one', async () => {
    const body = farmerApplication(7, await photos());
    const results = await Promise.all([0, 1, 2, 3, 4].map(() => t.anonymous.post('/api/v1/registry/applications', body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(['USERNAME_TAKEN', 'USERNAME_TAKEN', 'USERNAME_TAKEN', 'USERNAME_TAKEN']);
    const retried = farmerApplication(8, await photos());
    const key = { 'idempotency-key': 'apply-farmer-8' };
    const first = await t.anonymous.post('/api/v1/registry/applications', retried, key);
    const again = await t.anonymous.post('/api/v1/registry/applications', retried, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
  });

  it('refuses an application for a county whose supervision agency is not on the platform yet', async () => {
    const body = farmerApplication(6, await photos(), { countyCode: '370781', townshipCode: '370781001', idNumber: residentId(6, '370781') });
    await refused(t, () => t.anonymous.post('/api/v1/registry/applications', body), 409, 'COUNTY_NOT_ONBOARDED');
  });

  it('lets only the responsible county decide, and only once', async () => {
    const body = farmerApplication(4, await photos());
    const { id } = (await t.anonymous.post('/api/v1/registry/applications', body)).json();
    const otherCounty = await t.login('pd-admin');
    await refused(t, () => otherCounty.post(`/api/v1/registry/applications/${id}/approve`, {}), 404, 'APPLICATION_NOT_FOUND');
    const city = await t.login('wf-admin');
    await refused(t, () => city.post(`/api/v1/registry/applications/${id}/approve`, {}), 403, 'FORBIDDEN');
    const county = await t.login('sg-admin');
    expect((await county.post(`/api/v1/registry/applications/${id}/reject`, { opinion: '非本辖区生产者' })).statusCode).toBe(200);
    await refused(t, () => county.post(`/api/v1/registry/applications/${id}/approve`, {}), 409, 'APPLICATION_NOT_PENDING');
  });
});

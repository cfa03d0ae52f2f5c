import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { expectError } from '../../../../test/assertions.js';
import { queryRows } from '../../../platform/db/rows.js';

// Issue 15 §7: a producer's account that forgot its password is not left without anyone to ask. A staff account's
// request reaches its own subject's main account, which resets it; the main account's reaches the county that
// approves the subject's registrations. Nobody else sees or answers them.

const STAFF_PASSWORD = 'Staff#Pass2026x';
const NEW_PASSWORD = 'Reset#Pass2026y';
type Item = { id: string; userId: string; username: string; subjectName: string };

describe("forgotten passwords of a producer's accounts", () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let staffId = '';

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['sg-coop', 'sg-farmer', 'sg-admin', 'pd-admin', 'sg-hl-user']) as[u] = await t.login(u);
    const added = await as['sg-coop']!.post('/api/v1/registry/my-subject/accounts', { username: 'coop-packer', displayName: '包装员王五', password: STAFF_PASSWORD });
    expect(added.statusCode, added.body).toBe(201);
    staffId = added.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  const requestsOf = async (c: Client, url: string) => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Item[] }>().items;
  };
  const staffRequests = (c: Client) => requestsOf(c, '/api/v1/registry/my-subject/password-reset-requests');
  const mainRequests = (c: Client) => requestsOf(c, '/api/v1/registry/main-account-reset-requests');

  it("sends a staff account's request to its own main account, which resets the password", async () => {
    expect((await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'coop-packer' })).statusCode).toBe(202);
    expect((await staffRequests(as['sg-coop']!)).map((i) => i.username)).toEqual(['coop-packer']);
    // Another subject's main account, and the county, see nothing of it.
    expect(await staffRequests(as['sg-farmer']!)).toEqual([]);
    expect(await mainRequests(as['sg-admin']!)).toEqual([]);
    expectError(await as['sg-admin']!.get('/api/v1/registry/my-subject/password-reset-requests'), 403, 'FORBIDDEN');
    // Nor may another subject reset it.
    expectError(await as['sg-farmer']!.post(`/api/v1/registry/my-subject/accounts/${staffId}/reset-password`, { newPassword: NEW_PASSWORD }), 404, 'NOT_OWN_STAFF');
    expectError(await as['sg-coop']!.post(`/api/v1/registry/my-subject/accounts/${staffId}/reset-password`, { newPassword: '123' }), 400, 'WEAK_PASSWORD');

    const reset = await as['sg-coop']!.post(`/api/v1/registry/my-subject/accounts/${staffId}/reset-password`, { newPassword: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ username: 'coop-packer', mustChangePassword: true });
    expect(await staffRequests(as['sg-coop']!)).toEqual([]);
    const staff = await t.login('coop-packer', NEW_PASSWORD);
    expect((staff.me!.user as { mustChangePassword?: boolean }).mustChangePassword).toBe(true);
    const [audit] = await queryRows<{ target_id: string; after: Record<string, unknown> }>(t.database.db, sql`SELECT target_id, after FROM audit_log WHERE action = 'subject.account_reset_password' ORDER BY id DESC LIMIT 1`);
    expect(audit!.target_id).toBe(staffId);
    expect(audit!.after).toMatchObject({ main: false, resetRequestId: expect.any(String) });
  });

  it('never lets a staff account reset its main account, nor the main account its own password', async () => {
    const staff = await t.login('coop-packer', NEW_PASSWORD);
    expect((staff.me!.user as { mustChangePassword?: boolean }).mustChangePassword).toBe(true);
    const mainId = as['sg-coop']!.me!.user.id;
    expectError(await as['sg-coop']!.post(`/api/v1/registry/my-subject/accounts/${mainId}/reset-password`, { newPassword: NEW_PASSWORD }), 400, 'CANNOT_CHANGE_SELF');
  });

  it("sends the main account's request to its county, which resets it; another county and a station see nothing", async () => {
    expect((await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'sg-coop' })).statusCode).toBe(202);
    // The main account's request does not go to the main account itself.
    expect(await staffRequests(as['sg-coop']!)).toEqual([]);
    const waiting = await mainRequests(as['sg-admin']!);
    expect(waiting.map((i) => [i.username, i.subjectName])).toEqual([['sg-coop', '寿光市化龙镇绿源蔬菜专业合作社']]);
    expect(await mainRequests(as['pd-admin']!)).toEqual([]);
    expectError(await as['sg-hl-user']!.get('/api/v1/registry/main-account-reset-requests'), 403, 'FORBIDDEN');
    expectError(await as['pd-admin']!.post(`/api/v1/registry/main-accounts/${waiting[0]!.userId}/reset-password`, { newPassword: NEW_PASSWORD }), 404, 'USER_NOT_FOUND');
    // The county resets main accounts only: a staff account is its main account's to reset.
    expectError(await as['sg-admin']!.post(`/api/v1/registry/main-accounts/${staffId}/reset-password`, { newPassword: NEW_PASSWORD }), 404, 'USER_NOT_FOUND');

    const reset = await as['sg-admin']!.post(`/api/v1/registry/main-accounts/${waiting[0]!.userId}/reset-password`, { newPassword: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(await mainRequests(as['sg-admin']!)).toEqual([]);
    // The old session ended with the reset; the new password gets in and must be changed.
    expect((await as['sg-coop']!.get('/api/v1/auth/me')).statusCode).toBe(401);
    const main = await t.login('sg-coop', NEW_PASSWORD);
    expect((main.me!.user as { mustChangePassword?: boolean }).mustChangePassword).toBe(true);
    const [row] = await queryRows<{ status: string; resolved_by: string }>(t.database.db, sql`SELECT r.status, r.resolved_by FROM password_reset_requests r JOIN users u ON u.id = r.user_id WHERE u.username = 'sg-coop'`);
    expect(row).toEqual({ status: 'resolved', resolved_by: as['sg-admin']!.me!.user.id });
  });
});

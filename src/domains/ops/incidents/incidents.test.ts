import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { loginAll, temporarySubject } from '../../../../test/supervision.js';
import { queryRows } from '../../../platform/db/rows.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { createJobRunner } from '../../../platform/jobs/runner.js';
import { createLogger } from '../../../platform/logger.js';
import { HOUR_MS } from './deadlines.js';
import { INCIDENT_DEADLINE_JOB, incidentDeadlineJob } from './incidents.job.js';

// 应急响应 (技术指南 应急响应 (四)): each level escalates on time, by the job queue with a moved clock; a 一级 incident
// reaches no province before 部安全中心 consents.

const TABLES = ['incidents', 'incident_events', 'incident_notices', 'incident_checks', 'audit_log'];

let t: TestApp;
let ops: Client;
let center: Client;
let shandong: Client;
let sichuan: Client;
let ministry: Client;

beforeAll(async () => {
  t = await createTestApp();
  [ops, center, shandong, sichuan, ministry] = await loginAll(t, ['ops-staff', 'ops-admin', 'sd-admin', 'sc-admin', 'moa-admin'] as const);
}, 90_000);
afterAll(async () => t?.close());

const report = (level: 1 | 2 | 3, provinces: string[] = ['37'], occurredAt = new Date()) => ({
  level,
  occurredAt: occurredAt.toISOString(),
  place: '国家追溯平台 生产环境 应用服务器 A',
  phenomenon: '追溯码查询页面个别图片无法显示',
  impact: '山东省部分用户查看产品图片受影响，暂无扩大趋势',
  measures: '已切换图片存储节点，正在排查原因',
  expectedRecovery: '预计 1 小时内恢复',
  provinces,
});

async function reported(level: 1 | 2 | 3, provinces: string[] = ['37']) {
  const res = await ops.post('/api/v1/incidents', report(level, provinces));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; level: number; deadlineAt: string; levelSince: string; provincesToldAt: string | null; no: string };
}

/**
 * The job queue's worker with the clock at `at`, as a server's would run: it schedules the deadline job's minute slot
 * and claims what is due. One run is also queued for `at` itself: two moments of a test may share a minute slot
 * (which runs once), and the test asks what the job does at each.
 */
async function runDeadlinesAt(at: Date) {
  const runner = createJobRunner(createLogger('silent'), t.database.db, { now: () => at, worker: `w-${at.getTime()}` });
  runner.add(incidentDeadlineJob(t.database.db, () => at));
  await enqueueJob(t.database.db, INCIDENT_DEADLINE_JOB, {}, { runAt: at });
  return runner.tick();
}

const detail = async (who: Client, id: string) => (await who.get(`/api/v1/incidents/${id}`)).json();
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms);

describe('incidents (应急响应)', () => {
  it('names a province’s liaison (联络员): its supervision admin picks an account of the agency', async () => {
    const mine = await shandong.get('/api/v1/incidents/liaison');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().liaison.userId).toBeNull();
    const me = mine.json().candidates.find((c: { id: string }) => c.id === shandong.me!.user.id);
    expect(me).toBeDefined();
    const set = await shandong.post('/api/v1/incidents/liaison', { userId: me.id });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ provinceCode: '37', userId: me.id });
    // Somebody of another agency cannot be named; operations cannot name one.
    const before = await tableCounts(t, ['incident_liaisons', 'audit_log']);
    const foreign = await shandong.post('/api/v1/incidents/liaison', { userId: sichuan.me!.user.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'LIAISON_NOT_OURS', message: { zh: expect.stringContaining('联络员') } });
    expect((await ops.post('/api/v1/incidents/liaison', { userId: me.id })).statusCode).toBe(403);
    expect(await tableCounts(t, ['incident_liaisons', 'audit_log'])).toEqual(before);
    expect((await ops.get('/api/v1/incidents/liaisons')).json().items).toEqual([expect.objectContaining({ provinceCode: '37', userId: me.id })]);
  });

  it('tells no province of a 一级 incident before 安全中心 consents; then only the provinces it concerns', async () => {
    const inc = await reported(1, ['37']);
    expect(inc).toMatchObject({ level: 1, provincesToldAt: null, no: expect.stringMatching(/^YJ\d{6}$/) });
    expect(new Date(inc.deadlineAt).getTime() - new Date(inc.levelSince).getTime()).toBe(2 * HOUR_MS);

    // Not told: the province finds nothing, by list, by id or by notice; the ministry and operations see it.
    expect((await shandong.get('/api/v1/incidents')).json().items.map((i: { id: string }) => i.id)).not.toContain(inc.id);
    expect((await shandong.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await shandong.get('/api/v1/incidents/notices')).json().items.filter((n: { incidentId: string }) => n.incidentId === inc.id)).toEqual([]);
    expect((await ministry.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    // An hour on, the job changes nothing (2 h not up) and tells nobody.
    await runDeadlinesAt(plus(inc.deadlineAt, -HOUR_MS));
    expect((await shandong.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);

    // Only 安全中心 consents: not the engineer, not a province.
    expect((await ops.post(`/api/v1/incidents/${inc.id}/consent`, {})).statusCode).toBe(403);
    expect((await shandong.post(`/api/v1/incidents/${inc.id}/consent`, {})).statusCode).toBe(403);
    expect((await detail(ops, inc.id)).provincesToldAt).toBeNull();

    const consented = await center.post(`/api/v1/incidents/${inc.id}/consent`, { note: '同意通知山东省' });
    expect(consented.statusCode, consented.body).toBe(200);
    expect(consented.json().provincesToldAt).not.toBeNull();
    expect(consented.json().events.map((e: { kind: string }) => e.kind)).toEqual(['report', 'consent', 'notify']);

    expect((await shandong.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    const notices = (await shandong.get('/api/v1/incidents/notices')).json();
    const notice = notices.items.find((n: { incidentId: string }) => n.incidentId === inc.id);
    expect(notice).toMatchObject({ kind: 'report', level: 1, provinceCode: '37', readAt: null });
    expect((await shandong.post(`/api/v1/incidents/notices/${notice.id}/read`, {})).json().items.find((n: { id: number }) => n.id === notice.id).readAt).not.toBeNull();
    // 四川 is not concerned: it never sees it.
    expect((await sichuan.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    const again = await center.post(`/api/v1/incidents/${inc.id}/consent`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INCIDENT_ALREADY_TOLD');
  });

  it('tells the provinces of a 二级 or 三级 incident at once (a national one: every province)', async () => {
    const inc = await reported(2, []);
    expect(inc.provincesToldAt).not.toBeNull();
    expect((await shandong.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    expect((await sichuan.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    const consent = await center.post(`/api/v1/incidents/${inc.id}/consent`, {});
    expect(consent.statusCode).toBe(409);
  });

  it('escalates a 一级 incident to 二级 when its 2 h are up, written as the job’s doing with why, and tells the provinces then', async () => {
    const inc = await reported(1, ['37']);
    expect(await runDeadlinesAt(plus(inc.deadlineAt, -1000))).toBeGreaterThan(0);
    expect((await detail(ops, inc.id)).level).toBe(1);
    expect((await shandong.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);

    await runDeadlinesAt(plus(inc.deadlineAt, 1000));
    const after = await detail(ops, inc.id);
    expect(after).toMatchObject({ level: 2, levelSince: inc.deadlineAt });
    expect(new Date(after.deadlineAt).getTime() - new Date(inc.deadlineAt).getTime()).toBe(6 * HOUR_MS);
    const escalation = after.events.find((e: { kind: string }) => e.kind === 'escalate');
    expect(escalation).toMatchObject({ actorId: null, actorName: expect.stringContaining(INCIDENT_DEADLINE_JOB), fromLevel: 1, toLevel: 2, note: expect.stringContaining('2 小时内未解除') });
    expect(new Date(escalation.at).getTime()).toBe(plus(inc.deadlineAt, 1000).getTime());
    const audit = await queryRows<{ actor_id: string | null; after: { level: number; by: string } }>(
      t.database.db,
      sql`SELECT actor_id, after FROM audit_log WHERE action = 'incident.escalate' AND target_id = ${inc.id}`,
    );
    expect(audit).toEqual([{ actor_id: null, after: expect.objectContaining({ level: 2, by: INCIDENT_DEADLINE_JOB }) }]);
    // 二级 is told at once: the province sees it now.
    expect((await shandong.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    // Running again at the same time changes nothing.
    await runDeadlinesAt(plus(inc.deadlineAt, 2000));
    expect((await detail(ops, inc.id)).events.filter((e: { kind: string }) => e.kind === 'escalate')).toHaveLength(1);
  });

  it('escalates a 二级 incident to 三级 at 6 h unless 安全中心 approved an extension; an extension asked but not decided lapses', async () => {
    const lapsed = await reported(2);
    const asked = await ops.post(`/api/v1/incidents/${lapsed.id}/extension`, { until: plus(lapsed.deadlineAt, 3 * HOUR_MS).toISOString(), reason: '需要厂商更换硬盘' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().extensionUntil).not.toBeNull();
    await runDeadlinesAt(plus(lapsed.deadlineAt, 1000));
    expect(await detail(ops, lapsed.id)).toMatchObject({ level: 3, extensionUntil: null });

    const granted = await reported(2);
    const until = plus(granted.deadlineAt, 3 * HOUR_MS);
    expect((await ops.post(`/api/v1/incidents/${granted.id}/extension`, { until: until.toISOString(), reason: '数据库主备切换中' })).statusCode).toBe(200);
    const twice = await ops.post(`/api/v1/incidents/${granted.id}/extension`, { until: until.toISOString(), reason: '再次申请' });
    expect(twice.json().code).toBe('EXTENSION_PENDING');
    // The engineer cannot approve it: 安全中心 does.
    expect((await ops.post(`/api/v1/incidents/${granted.id}/extension/decision`, { approve: true })).statusCode).toBe(403);
    const approved = await center.post(`/api/v1/incidents/${granted.id}/extension/decision`, { approve: true, note: '同意延长 3 小时' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().deadlineAt).toBe(until.toISOString());
    await runDeadlinesAt(plus(granted.deadlineAt, 1000));
    expect((await detail(ops, granted.id)).level).toBe(2);
    await runDeadlinesAt(plus(until.toISOString(), 1000));
    const third = await detail(ops, granted.id);
    expect(third.level).toBe(3);
    expect(new Date(third.deadlineAt).getTime() - until.getTime()).toBe(12 * HOUR_MS);

    const refused = await reported(2);
    await ops.post(`/api/v1/incidents/${refused.id}/extension`, { until: plus(refused.deadlineAt, HOUR_MS).toISOString(), reason: '申请延期' });
    expect((await center.post(`/api/v1/incidents/${refused.id}/extension/decision`, { approve: false, note: '不同意' })).json()).toMatchObject({ level: 2, deadlineAt: refused.deadlineAt, extensionUntil: null });
    // An extension is for 二级 only, and never shortens the time.
    const level1 = await reported(1);
    expect((await ops.post(`/api/v1/incidents/${level1.id}/extension`, { until: plus(level1.deadlineAt, HOUR_MS).toISOString(), reason: '申请' })).json().code).toBe('EXTENSION_LEVEL');
    expect((await ops.post(`/api/v1/incidents/${refused.id}/extension`, { until: plus(refused.deadlineAt, -HOUR_MS).toISOString(), reason: '申请' })).json().code).toBe('EXTENSION_UNTIL_INVALID');
  });

  it('flags a 三级 incident overdue at 12 h and again at the 24 h it may never exceed; it escalates no further', async () => {
    const inc = await reported(3);
    expect(new Date(inc.deadlineAt).getTime() - new Date(inc.levelSince).getTime()).toBe(12 * HOUR_MS);
    await runDeadlinesAt(plus(inc.deadlineAt, -1000));
    expect((await detail(ops, inc.id)).overdue).toBeNull();
    await runDeadlinesAt(plus(inc.deadlineAt, 1000));
    const at12 = await detail(ops, inc.id);
    expect(at12).toMatchObject({ level: 3, overdue: 'deadline' });
    expect(new Date(at12.deadlineAt).getTime() - new Date(inc.levelSince).getTime()).toBe(24 * HOUR_MS);
    await runDeadlinesAt(plus(inc.levelSince, 24 * HOUR_MS + 1000));
    const at24 = await detail(ops, inc.id);
    expect(at24).toMatchObject({ level: 3, overdue: 'limit' });
    expect(at24.events.filter((e: { kind: string }) => e.kind === 'overdue').map((e: { data: { mark: string }; actorId: string | null }) => [e.data.mark, e.actorId])).toEqual([
      ['deadline', null],
      ['limit', null],
    ]);
    await runDeadlinesAt(plus(inc.levelSince, 30 * HOUR_MS));
    expect((await detail(ops, inc.id)).events).toHaveLength(at24.events.length);
  });

  it('catches up after the servers were down: a 一级 incident 8 h on is 三级, each step dated from the one before', async () => {
    const inc = await reported(1);
    await runDeadlinesAt(plus(inc.levelSince, 8 * HOUR_MS + 1000));
    const now = await detail(ops, inc.id);
    expect(now).toMatchObject({ level: 3 });
    expect(now.levelSince).toBe(plus(inc.levelSince, 8 * HOUR_MS).toISOString());
    expect(now.events.filter((e: { kind: string }) => e.kind === 'escalate').map((e: { toLevel: number }) => e.toLevel)).toEqual([2, 3]);
  });

  it('is recovered with a notice, closed with a 处置报告 and 分析评估, and lists the writes before the failure to re-check', async () => {
    const inc = await reported(2, ['37']);
    // Business writes after the failure began: one in 山东 (concerned), one in 四川 (not).
    const [county, pd] = await loginAll(t, ['sg-admin', 'pd-admin'] as const);
    await temporarySubject(county, '370783100', '应急核查测试农场');
    await temporarySubject(pd, '510117104', '四川核查测试农场');
    const writesTooSoon = await ops.get(`/api/v1/incidents/${inc.id}/writes`);
    expect(writesTooSoon.json().code).toBe('INCIDENT_NOT_RECOVERED');

    const recovered = await ops.post(`/api/v1/incidents/${inc.id}/recover`, { notice: '平台已恢复正常运行，可进行业务操作' });
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect(recovered.json().state).toBe('recovered');
    const notices = (await shandong.get('/api/v1/incidents/notices')).json().items.filter((n: { incidentId: string }) => n.incidentId === inc.id);
    expect(notices.map((n: { kind: string }) => n.kind).sort()).toEqual(['recover', 'report']);
    // The deadline no longer runs once recovered.
    await runDeadlinesAt(plus(inc.deadlineAt, 1000));
    expect((await detail(ops, inc.id)).level).toBe(2);

    const writes = await ops.get(`/api/v1/incidents/${inc.id}/writes`);
    expect(writes.statusCode, writes.body).toBe(200);
    const items = writes.json().items as { auditId: number; action: string; regionCode: string; checkedAt: string | null }[];
    // The demo producers registered when the test database was made may fall in the window too; nothing of 四川.
    expect(items.map((w) => [w.action, w.regionCode])).toContainEqual(['subject.record_temporary', '370783100']);
    expect(items.filter((w) => !w.regionCode.startsWith('37'))).toEqual([]);
    expect(writes.json().unchecked).toBe(items.length);
    const temporary = items.find((w) => w.action === 'subject.record_temporary')!;
    expect((await shandong.get(`/api/v1/incidents/${inc.id}/writes`)).statusCode).toBe(403);

    const check = await ops.post(`/api/v1/incidents/${inc.id}/writes/${temporary.auditId}/check`, { note: '数据完整' });
    expect(check.statusCode, check.body).toBe(200);
    await ops.post(`/api/v1/incidents/${inc.id}/writes/${temporary.auditId}/check`, { note: '再次核对' });
    const checked = (await ops.get(`/api/v1/incidents/${inc.id}/writes`)).json();
    expect(checked.unchecked).toBe(items.length - 1);
    expect(checked.items.find((w: { auditId: number }) => w.auditId === temporary.auditId)).toMatchObject({ note: '数据完整', checkedByName: '软件开发单位运维工程师' });
    const outside = await queryRows<{ id: number }>(t.database.db, sql`SELECT id FROM audit_log WHERE action = 'subject.record_temporary' AND region_code = '510117104'`);
    expect((await ops.post(`/api/v1/incidents/${inc.id}/writes/${outside[0]!.id}/check`, {})).json().code).toBe('WRITE_NOT_IN_WINDOW');

    const before = await tableCounts(t, TABLES);
    const noAssessment = await ops.post(`/api/v1/incidents/${inc.id}/close`, { record: '更换了图片存储节点' });
    expect(noAssessment.statusCode).toBe(400);
    expect(noAssessment.json()).toMatchObject({ code: 'ASSESSMENT_REQUIRED', message: { zh: expect.stringContaining('分析评估') } });
    expect(await tableCounts(t, TABLES)).toEqual(before);
    const closed = await ops.post(`/api/v1/incidents/${inc.id}/close`, { record: '更换了图片存储节点', assessment: '存储节点磁盘老化，已列入巡查' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', record: '更换了图片存储节点', assessment: '存储节点磁盘老化，已列入巡查' });
    expect((await ops.post(`/api/v1/incidents/${inc.id}/progress`, { note: '补充' })).json().code).toBe('INCIDENT_STATE_CONFLICT');
  });

  it('is reported by operations only, with every field of the guide’s report; a report is not written twice on retry', async () => {
    expect((await shandong.post('/api/v1/incidents', report(1))).statusCode).toBe(403);
    expect((await ministry.post('/api/v1/incidents', report(1))).statusCode).toBe(403);
    const { measures: _measures, ...missing } = report(1);
    expect((await ops.post('/api/v1/incidents', missing)).statusCode).toBe(400);
    expect((await ops.post('/api/v1/incidents', { ...report(1), level: 4 })).statusCode).toBe(400);
    const unknown = await ops.post('/api/v1/incidents', report(1, ['99']));
    expect(unknown.json().code).toBe('PROVINCE_UNKNOWN');
    const body = report(1);
    const first = await ops.post('/api/v1/incidents', body, { 'idempotency-key': 'inc-1' });
    const again = await ops.post('/api/v1/incidents', body, { 'idempotency-key': 'inc-1' });
    expect(again.json().id).toBe(first.json().id);
  });
});

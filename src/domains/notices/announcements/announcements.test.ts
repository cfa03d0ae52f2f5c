import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { refusedKeeping } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { loginAll } from '../../../../test/supervision.js';

const TABLES = ['announcements', 'announcement_dismissals', 'audit_log'];

let t: TestApp;
let ops: Client;
let farmer: Client;
let county: Client;

beforeAll(async () => {
  t = await createTestApp();
  [ops, farmer, county] = await loginAll(t, ['ops-admin', 'sg-coop', 'sg-admin'] as const);
}, 90_000);
afterAll(async () => t?.close());

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const banners = async (who: Client) => (await who.get('/api/v1/shell/notices')).json().announcements as { id: string; version: number; textZh: string }[];

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => refusedKeeping(t, TABLES, send, status, code);

describe('系统公告 (announcements)', () => {
  it('reaches every signed-in account until dismissed, comes back when changed, and goes when withdrawn; all audited', async () => {
    const body = { level: 'warning', textZh: '今晚 22:00 至 23:00 系统维护，届时暂停服务。', textEn: 'Maintenance tonight 22:00–23:00.', startsAt: inHours(-1), endsAt: inHours(5) };
    const published = await ops.post('/api/v1/announcements', body, { 'idempotency-key': 'ann-1' });
    expect(published.statusCode, published.body).toBe(201);
    const a = published.json();
    expect(a).toMatchObject({ level: 'warning', version: 1, state: 'published', showing: true });
    // A retry with the same key publishes nothing more.
    expect((await ops.post('/api/v1/announcements', body, { 'idempotency-key': 'ann-1' })).json().id).toBe(a.id);
    expect((await ops.get('/api/v1/announcements')).json().items.filter((i: { textZh: string }) => i.textZh === a.textZh)).toHaveLength(1);
    // One not yet begun is not shown.
    const later = (await ops.post('/api/v1/announcements', { level: 'info', textZh: '下周一起启用新版追溯码打印。', startsAt: inHours(24), endsAt: inHours(48) })).json();

    for (const who of [farmer, county, ops]) expect((await banners(who)).map((b) => b.id)).toEqual([a.id]);
    const shell = await farmer.get('/api/v1/shell/notices');
    expect(shell.headers['cache-control']).toBe('private, no-cache');
    expect(shell.json().unreadNotices).toBe(0);
    expect((await county.get('/api/v1/shell/notices')).json().unreadNotices).toBeNull();
    // Unchanged since: 304 with nothing to download.
    const again = await farmer.get('/api/v1/shell/notices', { 'if-none-match': String(shell.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // The producer closes it; the county still sees it.
    expect((await farmer.post(`/api/v1/announcements/${a.id}/dismiss`, { version: 1 })).statusCode).toBe(204);
    expect(await banners(farmer)).toEqual([]);
    expect((await banners(county)).map((b) => b.id)).toEqual([a.id]);
    expect((await farmer.get('/api/v1/shell/notices', { 'if-none-match': String(shell.headers.etag) })).statusCode).toBe(200);

    // Changed: back for the producer, at version 2; closing the old version is refused.
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/announcements/${a.id}`, payload: { level: 'critical', textZh: '系统维护延长至 23:30。', startsAt: inHours(-1), endsAt: inHours(6) }, headers: { cookie: ops.cookie!, 'x-csrf-token': ops.csrf! } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 2, level: 'critical', textEn: null });
    expect(await banners(farmer)).toMatchObject([{ id: a.id, version: 2, textZh: '系统维护延长至 23:30。' }]);
    await refused(() => farmer.post(`/api/v1/announcements/${a.id}/dismiss`, { version: 1 }), 409, 'ANNOUNCEMENT_VERSION_STALE');

    const withdrawn = await ops.post(`/api/v1/announcements/${a.id}/withdraw`, {});
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', showing: false });
    expect(await banners(farmer)).toEqual([]);
    expect(await banners(county)).toEqual([]);
    await refused(() => ops.post(`/api/v1/announcements/${a.id}/withdraw`, {}), 409, 'ANNOUNCEMENT_WITHDRAWN');
    expect((await ops.post(`/api/v1/announcements/${later.id}/withdraw`, {})).statusCode).toBe(200);

    const audit = (await ops.get('/api/v1/audit?limit=200')).json().items.filter((e: { targetId: string }) => e.targetId === a.id).map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(['announcement.publish', 'announcement.update', 'announcement.withdraw']);
  }, 120_000);

  it('refuses bad input and other accounts, writing nothing', async () => {
    const ok = { level: 'info', textZh: '系统将于今晚升级。', startsAt: inHours(-1), endsAt: inHours(2) };
    await refused(() => ops.post('/api/v1/announcements', { ...ok, endsAt: inHours(-2) }), 400, 'ANNOUNCEMENT_PERIOD_INVALID');
    await refused(() => ops.post('/api/v1/announcements', { ...ok, startsAt: inHours(3) }), 400, 'ANNOUNCEMENT_PERIOD_INVALID');
    await refused(() => ops.post('/api/v1/announcements', { ...ok, endsAt: inHours(24 * 40) }), 400, 'ANNOUNCEMENT_PERIOD_INVALID');
    await refused(() => ops.post('/api/v1/announcements', { ...ok, level: 'urgent' }), 400, 'VALIDATION_FAILED');
    await refused(() => ops.post('/api/v1/announcements', { ...ok, textZh: 'x'.repeat(301) }), 400, 'VALIDATION_FAILED');
    await refused(() => ops.post('/api/v1/announcements', { ...ok, startsAt: 'tonight' }), 400, 'VALIDATION_FAILED');
    await refused(() => county.post('/api/v1/announcements', ok), 403, 'FORBIDDEN');
    await refused(() => farmer.post('/api/v1/announcements', ok), 403, 'FORBIDDEN');
    await refused(() => farmer.post('/api/v1/announcements/00000000-0000-4000-8000-000000000000/dismiss', { version: 1 }), 404, 'ANNOUNCEMENT_NOT_FOUND');
    await refused(() => t.anonymous.get('/api/v1/shell/notices'), 401, 'UNAUTHENTICATED');
  }, 60_000);

  it('shows at most three banners, the gravest first', async () => {
    for (const [level, text] of [['info', '提示一：今天数据同步较慢。'], ['critical', '故障：部分地区无法登录。'], ['warning', '维护：明早 6 点暂停服务。'], ['info', '提示二：请及时更新浏览器。']] as const) {
      expect((await ops.post('/api/v1/announcements', { level, textZh: text, startsAt: inHours(-1), endsAt: inHours(2) })).statusCode).toBe(201);
    }
    const shown = (await farmer.get('/api/v1/shell/notices')).json().announcements as { level: string }[];
    expect(shown.map((b) => b.level)).toEqual(['critical', 'warning', 'info']);
    const page = (await ops.get('/api/v1/announcements?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTruthy();
  }, 60_000);
});

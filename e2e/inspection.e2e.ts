import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call, type Session } from './api.js';
import * as ui from './ui.js';
import { browserSuite, shown, text } from './ui.js';

// Issue 15 §2, "an inspection is done before it is recorded". A township inspector (sg-hl-user) pressed 提交巡查
// without touching anything and created an official 合格 inspection. Now, on a 390-px phone: nothing is preset, the
// untouched form is refused item by item and nothing is written; a 不符合 item cannot conclude 合格 without a note;
// with a photo and the GPS point, a summary is confirmed before filing. On a 1440-px desktop: a task counts the
// subjects inspected (two visits to one co-op are one), and the station sees its staff on the task.
// Pictures: e2e/artifacts/inspection-*.png.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SEQ = 100 + Math.floor(Math.random() * 800);

const suite = browserSuite('inspection');
const { screenshot } = ui.suitePictures('inspection');
let page: Page;
let station: Session;
let identityCode = '';
let subjectId = '';

const inspectionsOf = async () => (await call<{ items: { id: string; conclusion: string; lat: number | null; photos: string[]; findings: string | null }[] }>(station, 'GET', `/supervision/inspections?subjectId=${subjectId}`)).items;

const signIn = (username: string) => ui.signIn(page, suite.server.baseUrl, username);

beforeAll(async () => {
  page = suite.page;
  const coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
  const mine = await call<{ id: string; identityCode: string }>(coop, 'GET', '/registry/my-subject');
  identityCode = mine.identityCode;
  subjectId = mine.id;
  station = await apiLogin(suite.server.baseUrl, 'sg-hl-user');
  // The phone's GPS, as the browser would give it on the co-op's land.
  await page.context().grantPermissions(['geolocation'], { origin: suite.server.baseUrl });
  await page.context().setGeolocation({ latitude: 36.8812, longitude: 118.7421, accuracy: 8 });
});

describe('an inspection is done before it is recorded', () => {
  it('refuses the untouched form on a phone, item by item, and writes nothing', async () => {
    await page.setViewportSize(PHONE);
    await signIn('sg-hl-user');
    await page.goto(`${suite.server.baseUrl}/supervision/field`);
    await (await shown(page.getByTestId('inspect-code'))).fill(identityCode);
    await page.getByTestId('inspect-find').click();
    await shown(page.getByTestId('check-banned_inputs'));
    // Nothing preset: no item answered, no conclusion chosen.
    expect(await page.getByTestId('checklist').locator('[data-answered="yes"]').count()).toBe(0);
    expect(await page.getByTestId('inspect-conclusion').locator('.ant-radio-button-wrapper-checked').count()).toBe(0);
    const before = (await inspectionsOf()).length;
    await page.getByTestId('inspect-submit').click();
    await shown(page.getByText(/还有 \d+ 项未作答/));
    await shown(page.getByText('请选择结论'));
    await shown(page.locator('.ant-form-item-explain-error').filter({ hasText: '未拍照原因' }));
    await shown(page.locator('.ant-form-item-explain-error').filter({ hasText: '未定位原因' }));
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'untouched-refused-phone');
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    expect((await inspectionsOf()).length).toBe(before);
  });

  it('does not let a 不符合 item conclude 合格 without a note; with photo and GPS, confirms a summary, then files', async () => {
    for (const item of await page.getByTestId('checklist').locator('[data-testid^="check-"]').all()) await item.getByText('符合', { exact: true }).click();
    await page.getByTestId('check-banned_inputs').getByText('不符合').click();
    await page.getByTestId('inspect-conclusion').getByText('合格', { exact: true }).click();
    await page.getByTestId('inspect-photo').locator('input[type=file]').setInputFiles({ name: 'field.png', mimeType: 'image/png', buffer: PNG });
    await shown(page.getByTestId('inspect-photo-preview'));
    await page.getByRole('button', { name: /使用当前位置/ }).click();
    await shown(page.getByText('36.8812, 118.7421'));
    const before = (await inspectionsOf()).length;
    await page.getByTestId('inspect-submit').click();
    await shown(page.locator('.ant-form-item-explain-error').filter({ hasText: '有不符合项，结论为合格须写明理由' }));
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    await screenshot(page, 'contradiction-refused-phone');
    expect((await inspectionsOf()).length).toBe(before);

    await page.getByTestId('inspect-conclusion').getByText('发现问题').click();
    await page.getByTestId('inspect-findings').fill(`仓库内发现禁用农药包装 ${SEQ}`);
    await page.getByTestId('inspect-submit').click();
    const summary = await shown(page.getByTestId('inspect-summary'));
    const said = await text(summary);
    expect(said).toContain('绿源蔬菜专业合作社');
    expect(said).toContain('不符合 1 项');
    expect(said).toContain('未发现禁用、停用投入品');
    expect(said).toContain('1 张');
    expect(said).toContain('36.8812, 118.7421');
    await screenshot(page, 'summary-phone');
    // Going back files nothing; confirming files it.
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '返回修改' }).click();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    expect((await inspectionsOf()).length).toBe(before);
    await page.getByTestId('inspect-submit').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认提交' }).click();
    await shown(page.getByTestId('inspect-result'));
    const [filed] = await inspectionsOf();
    expect(filed).toMatchObject({ conclusion: 'problem', lat: 36.8812, findings: `仓库内发现禁用农药包装 ${SEQ}` });
    expect(filed!.photos).toHaveLength(1);
    await screenshot(page, 'filed-phone');
  });

  it('counts subjects, not inspections, on the task and shows the station its assigned staff (desktop)', async () => {
    const county = await apiLogin(suite.server.baseUrl, 'sg-admin');
    const stationMe = await call<{ user: { id: string; displayName: string }; agency: { id: string } }>(station, 'GET', '/auth/me');
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const task = await call<{ id: string }>(county, 'POST', '/supervision/tasks', { kind: 'base_inspection', title: `巡查计数${SEQ}`, content: '巡查辖区基地', startsOn: '2026-11-01', dueOn: due, recipients: [{ agencyId: stationMe.agency.id, quota: 5 }] });
    await call(station, 'POST', `/supervision/tasks/${task.id}/accept`, {}, 200);
    await call(station, 'POST', `/supervision/tasks/${task.id}/assign`, { userIds: [stationMe.user.id] }, 200);
    const answers = (await call<{ items: { key: string }[] }>(station, 'GET', '/supervision/checklists?industry=planting')).items.map((i) => ({ key: i.key, result: 'pass' }));
    for (let i = 0; i < 2; i++) {
      await call(station, 'POST', '/supervision/inspections', { subjectId, industry: 'planting', answers, conclusion: 'compliant', lat: 36.88, lng: 118.74, noPhotoReason: '复查，未拍照', taskId: task.id });
    }
    await page.setViewportSize(DESKTOP);
    await page.goto(`${suite.server.baseUrl}/supervision/tasks/${task.id}`);
    expect(await text(page.getByTestId('task-mine-done'))).toBe('1 / 5');
    expect(await text(page.getByTestId('task-mine-assignees'))).toContain(stationMe.user.displayName);
    await screenshot(page, 'task-station-desktop');
    await signIn('sg-admin');
    await page.goto(`${suite.server.baseUrl}/supervision/tasks/${task.id}`);
    const progress = await shown(page.getByTestId('task-progress'));
    await shown(progress.getByText('已巡查主体（家）'));
    expect(await text(progress)).toContain('1 / 5');
    expect(await text(progress)).toContain(stationMe.user.displayName);
    await screenshot(page, 'task-county-desktop');
    expect(suite.problems).toEqual([]);
  });
});

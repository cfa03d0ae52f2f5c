import QRCode from 'qrcode';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, DESKTOP, PHONE, shown, text, twoChars } from './ui.js';

// A registered producer's staff, certificates and change requests, end to end in Chinese: the producer (on a
// 375-px phone) adds a staff account, attaches a 绿色食品 certificate with its scan and asks to change its scale;
// the county official (寿光市, desktop) approves the change in 变更审核 and verifies the certificate on the
// subject's page; the producer then sees the new scale and the verified certificate.

const SEQ = 420 + Math.floor(Math.random() * 500);
const farmer = { username: `farmer${SEQ}`, password: 'Green#Field2026', name: `测试农户${SEQ}` };
const staff = { username: `farmer${SEQ}-helper`, displayName: '帮工小李' };
const certNumber = `LB-15-24${SEQ}0567`;

/** The smallest real PNG (1×1), enough for the registration photos. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const suite = browserSuite('subject-extras');
let page: Page;
let subjectId = '';

// --- Setting up through the API: a producer registered the real way (apply, the county approves). ---

/** GB 11643 (ISO 7064 MOD 11-2): a resident ID of Shouguang born 1980-01-01 with sequence `seq`. */
function residentId(seq: number): string {
  const first17 = `37078319800101${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The upload ticket of the application in progress: its photos are uploaded under it and cited with it. */
async function uploadTicket(): Promise<string> {
  const res = await fetch(`${suite.server.baseUrl}/api/v1/registry/upload-tickets`, { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { ticket: string }).ticket;
}

async function uploadPhoto(ticket: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  const res = await fetch(`${suite.server.baseUrl}/api/v1/registry/uploads`, { method: 'POST', body: form, headers: { 'x-upload-ticket': ticket } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { fileId: string }).fileId;
}

/** A farmer of 化龙镇, 寿光市 (township 370783100 of county 370783), applying with an ID card (test/subjects.ts). */
function farmerApplication(front: string, back: string, uploadTicket: string) {
  return {
    category: 0,
    orgForm: 1,
    name: farmer.name,
    industries: ['planting'],
    scale: 12.5,
    scaleUnit: 'mu',
    annualOutput: 30,
    outputUnit: 'tonne',
    idKind: 'resident_id',
    idNumber: residentId(SEQ),
    legalRep: `农户${SEQ}`,
    phone: `139${String(SEQ).padStart(8, '0')}`,
    photos: [
      { kind: 'id_front', fileId: front },
      { kind: 'id_back', fileId: back },
    ],
    provinceCode: '37',
    countyCode: '370783',
    townshipCode: '370783100',
    address: '化龙镇东村 8 号',
    lat: 36.88,
    lng: 118.74,
    username: farmer.username,
    password: farmer.password,
    uploadTicket,
    privacyConsent: '2026-12-05',
  };
}

/** Signs in through the API: the session cookie and the CSRF token to send with writes. */
async function apiLogin(username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${suite.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function registerFarmer(): Promise<string> {
  const ticket = await uploadTicket();
  const body = farmerApplication(await uploadPhoto(ticket), await uploadPhoto(ticket), ticket);
  const created = await fetch(`${suite.server.baseUrl}/api/v1/registry/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const county = await apiLogin('sg-admin', DEMO_PASSWORD);
  const approved = await fetch(`${suite.server.baseUrl}/api/v1/registry/applications/${id}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: county.cookie, 'x-csrf-token': county.csrf },
    body: '{}',
  });
  expect(approved.status, await approved.clone().text()).toBe(200);
  return ((await approved.json()) as { subjectId: string }).subjectId;
}

// --- The browser. ---

const toast = (words: string) => ui.toast(page, words);
const dialog = (title: string) => ui.dialog(page, title);
const expectNoHorizontalScroll = () => ui.expectNoHorizontalScroll(page);
const screenshot = (name: string, fullPage = true) => ui.screenshot(page, `subject-extras-${name}`, fullPage);
const login = (username: string, password: string) => ui.login(page, username, password);
const logout = () => ui.logout(page);

/** Waits until the toasts are gone, for a clean picture. */
async function noToasts() {
  await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  page = suite.page;
  subjectId = await registerFarmer();
});

describe('console: a producer\u2019s staff, certificates and change requests (员工账号, 证书, 信息变更)', () => {
  it('lets the approved producer log in on a phone and see its page with the new cards', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(suite.server.baseUrl + '/');
    await login(farmer.username, farmer.password);
    expect(await text(page.getByTestId('subject-name'))).toBe(farmer.name);
    await shown(page.getByTestId('staff-card'));
    await shown(page.getByTestId('certificates-card').getByText('还没有登记证书'));
    await shown(page.getByTestId('change-card').getByText('还没有变更申请'));
    expect(await text(page.getByTestId('staff-item'))).toContain('.00001');
    await expectNoHorizontalScroll();
    await screenshot('01-producer-phone');
  });

  it('adds a staff account numbered .00002', async () => {
    await page.getByTestId('staff-card').getByRole('button', { name: '添加员工账号' }).click();
    const modal = dialog('添加员工账号');
    await (await shown(modal.getByLabel('用户名'))).fill(staff.username);
    await modal.getByLabel('姓名').fill(staff.displayName);
    await modal.getByTestId('generate-password').click();
    expect(await modal.getByLabel('密码', { exact: true }).inputValue()).toMatch(/^.{14}$/);
    await screenshot('02-staff-modal-phone', false);
    await modal.getByRole('button', { name: twoChars('新建') }).click();
    await shown(toast(`已添加员工账号 ${staff.username}`));
    const item = await shown(page.getByTestId('staff-item').filter({ hasText: staff.username }));
    expect(await item.getByTestId('user-code').textContent()).toMatch(/\.00002$/);
    expect(await item.textContent()).toContain('待改密');
    // Disabled and enabled again; the main account has no such buttons.
    await item.getByRole('button', { name: twoChars('停用') }).click();
    await ui.confirmPopover(page, twoChars('确定'));
    await shown(toast(`已停用 ${staff.username}`));
    await item.getByRole('button', { name: twoChars('启用') }).click();
    await shown(toast(`已启用 ${staff.username}`));
    expect(await page.getByTestId('staff-item').first().getByRole('button', { name: twoChars('停用') }).count()).toBe(0);
    await noToasts();
    await (await shown(page.getByTestId('staff-card'))).scrollIntoViewIfNeeded();
    await screenshot('03-staff-added-phone');
  });

  it('attaches a 绿色食品 certificate with its scan', async () => {
    const card = page.getByTestId('certificates-card');
    await card.getByRole('button', { name: '添加证书' }).click();
    const modal = dialog('添加证书');
    // The kind starts empty: a certificate is 绿色食品 because the producer says so, not because nobody changed it.
    const kind = await shown(modal.getByLabel('证书类型'));
    expect(await text(modal.locator('.ant-select').first())).toBe('');
    await kind.click();
    await (await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '绿色食品' }))).click();
    expect(await text(modal.locator('.ant-select').first())).toBe('绿色食品');
    await modal.getByLabel('证书编号').fill(certNumber);
    await modal.getByLabel('产品').fill('番茄、黄瓜');
    await modal.getByLabel('发证机构（选填）').fill('中国绿色食品发展中心');
    await pickDate(modal.getByLabel('有效期起'), isoDay(-30));
    await pickDate(modal.getByLabel('有效期至'), isoDay(3 * 365));
    const scan = await QRCode.toBuffer(`绿色食品证书 ${certNumber}`, { type: 'png', width: 360, margin: 4 });
    await modal.locator('input[type="file"]').setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: scan });
    await shown(modal.getByTestId('scan-preview'));
    await screenshot('04-certificate-modal-phone', false);
    await modal.getByRole('button', { name: twoChars('保存') }).click();
    await shown(toast(`已添加证书 ${certNumber}`));
    const item = await shown(card.getByTestId('certificate-item').filter({ hasText: certNumber }));
    expect(await text(item.getByTestId('certificate-status'))).toBe('待核验');
    expect(await item.textContent()).toContain('绿色食品');
    expect(await item.textContent()).not.toContain('已过期');
    // The thumbnail is the scan itself, served to the subject's own account.
    await expect.poll(() => item.locator('img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);
    await noToasts();
    await card.scrollIntoViewIfNeeded();
    await screenshot('05-certificate-added-phone');
  });

  it('proposes a change of scale, shown before and after', async () => {
    const card = page.getByTestId('change-card');
    await card.getByRole('button', { name: '申请变更' }).click();
    const modal = dialog('申请变更登记信息');
    const scale = await shown(modal.getByLabel('生产规模'));
    expect(await scale.inputValue()).toBe('12.5');
    expect(await modal.getByLabel('主体名称').inputValue()).toBe(farmer.name);
    await scale.fill('40');
    await modal.getByLabel('变更理由').fill('新流转土地 27.5 亩，扩大番茄种植');
    await screenshot('06-change-modal-phone', false);
    await modal.getByRole('button', { name: '提交变更申请' }).click();
    await shown(toast('已提交变更申请'));
    const request = await shown(card.getByTestId('change-request'));
    expect(await text(request.getByTestId('change-status'))).toBe('待审核');
    const row = await shown(request.locator('.ant-table-row').filter({ hasText: '生产规模' }));
    expect(await row.locator('.tn-diff-before').textContent()).toBe('12.5');
    expect(await row.locator('.tn-diff-after').textContent()).toBe('40');
    expect(await request.locator('.ant-table-row').count()).toBe(1); // only what changed is sent
    expect(await card.getByRole('button', { name: '申请变更' }).isDisabled()).toBe(true);
    await noToasts();
    await card.scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll();
    await screenshot('07-change-pending-phone');
  });

  it('lets the county official approve the change in 变更审核', async () => {
    await logout();
    await page.setViewportSize(DESKTOP);
    await login('sg-admin', DEMO_PASSWORD);
    await (await shown(page.locator('.ant-menu').getByText('变更审核'))).click();
    const request = await shown(page.getByTestId('change-request').filter({ hasText: farmer.name }));
    expect(await text(request.getByTestId('change-status'))).toBe('待审核');
    expect(await request.textContent()).toContain('新流转土地');
    await screenshot('08-change-inbox-desktop');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll();
    await screenshot('09-change-inbox-phone');
    await page.setViewportSize(DESKTOP);

    await request.getByTestId('approve-change').click();
    const modal = dialog(`通过变更申请：${farmer.name}`);
    await (await shown(modal.getByLabel('审核意见（选填）'))).fill('已现场核实');
    await modal.getByRole('button', { name: twoChars('通过') }).click();
    await shown(toast(`已通过 ${farmer.name} 的变更申请`));
    await page.getByTestId('change-request').filter({ hasText: farmer.name }).waitFor({ state: 'detached' });
    await page.locator('.ant-segmented-item').filter({ hasText: '已通过' }).click();
    const approved = await shown(page.getByTestId('change-request').filter({ hasText: farmer.name }));
    expect(await text(approved.getByTestId('change-status'))).toBe('已通过');
    expect(await approved.textContent()).toContain('已现场核实');
    await noToasts();
    await screenshot('10-change-approved-desktop');
  });

  it('lets the county official verify the certificate on the subject\u2019s page', async () => {
    await page.getByTestId('change-request').filter({ hasText: farmer.name }).getByRole('link', { name: farmer.name }).click();
    expect(await text(page.getByTestId('subject-name'))).toBe(farmer.name);
    await page.waitForURL(`**/subjects/${subjectId}`);
    const item = await shown(page.getByTestId('certificate-item').filter({ hasText: certNumber }));
    await expect.poll(() => item.locator('img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);
    expect(await text(page.getByTestId('subject-profile'))).toContain('40 亩');
    await item.scrollIntoViewIfNeeded();
    await screenshot('11-subject-certificate-desktop');

    await item.getByRole('button', { name: '核验通过' }).click();
    const modal = dialog(`核验证书：${certNumber}`);
    await (await shown(modal.getByLabel('核验意见（选填）'))).fill('与中国绿色食品发展中心证书查询结果一致');
    await modal.getByRole('button', { name: '核验通过' }).click();
    await shown(toast(`已核验证书 ${certNumber}`));
    expect(await text(item.getByTestId('certificate-status'))).toBe('已核验');
    expect(await item.getByRole('button', { name: '核验通过' }).count()).toBe(0);
    await noToasts();
    await page.setViewportSize(PHONE);
    await (await shown(page.getByTestId('certificates-card'))).scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll();
    await screenshot('12-subject-verified-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('shows the producer the new scale, the verified certificate and the approved request', async () => {
    await logout();
    await page.setViewportSize(PHONE);
    await login(farmer.username, farmer.password);
    expect(await text(page.getByTestId('subject-profile'))).toContain('40 亩');
    const cert = await shown(page.getByTestId('certificate-item').filter({ hasText: certNumber }));
    expect(await text(cert.getByTestId('certificate-status'))).toBe('已核验');
    expect(await cert.textContent()).toContain('与中国绿色食品发展中心证书查询结果一致');
    const request = await shown(page.getByTestId('change-request'));
    expect(await text(request.getByTestId('change-status'))).toBe('已通过');
    expect(await page.getByTestId('change-card').getByRole('button', { name: '申请变更' }).isDisabled()).toBe(false);
    await expectNoHorizontalScroll();
    await screenshot('13-producer-after-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot('14-producer-after-desktop');
  });

  it('speaks English when switched', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: '语言' }).click();
    await shown(page.getByTestId('staff-card').getByText('Staff accounts'));
    expect(await text(page.getByTestId('certificate-item').getByTestId('certificate-status'))).toBe('Verified');
    // The change history re-renders in English a moment after the staff card: wait for its words, not a snapshot.
    await (await shown(page.getByTestId('change-card').getByText('Scale'))).scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll();
    await screenshot('15-producer-english-phone');
    await page.getByRole('button', { name: 'Language' }).click();
    await shown(page.getByTestId('staff-card').getByText('员工账号'));
    await shown(page.getByTestId('change-card').getByText('规模'));
  });

  it('withdraws a certificate and asks to change the phone, typed in full', async () => {
    const cert = await shown(page.getByTestId('certificate-item').filter({ hasText: certNumber }));
    await cert.getByRole('button', { name: twoChars('撤回') }).click();
    await ui.confirmPopover(page, twoChars('确定'));
    await shown(toast(`已撤回证书 ${certNumber}`));
    expect(await text(cert.getByTestId('certificate-status'))).toBe('已撤回');

    const card = page.getByTestId('change-card');
    await card.getByRole('button', { name: '申请变更' }).click();
    const modal = dialog('申请变更登记信息');
    const phone = await shown(modal.getByLabel('联系电话（选填）'));
    expect(await phone.inputValue()).toBe(''); // shown masked, so never prefilled
    await phone.fill('13912345678');
    await modal.getByLabel('变更理由').fill('更换联系电话');
    await modal.getByRole('button', { name: '提交变更申请' }).click();
    await shown(toast('已提交变更申请'));
    const request = await shown(card.getByTestId('change-request').filter({ hasText: '更换联系电话' }));
    const row = await shown(request.locator('.ant-table-row').filter({ hasText: '联系电话' }));
    expect(await row.locator('.tn-diff-after').textContent()).toBe('139****5678');
  });

  it('lets the county reject a change only with an opinion, on a phone', async () => {
    await logout();
    await login('sg-admin', DEMO_PASSWORD);
    await page.getByRole('button', { name: '菜单' }).click(); // the menu folds away on a phone
    await (await shown(page.locator('.ant-menu').getByText('变更审核'))).click();
    const request = await shown(page.getByTestId('change-request').filter({ hasText: '更换联系电话' }));
    await request.getByTestId('reject-change').click();
    const modal = dialog(`不予通过变更申请：${farmer.name}`);
    await ui.clickUntilShown(modal.getByRole('button', { name: '不予通过' }), modal.getByText('请填写至少 2 个字'));
    await modal.getByLabel('不予通过的理由').fill('请提供新号码的实名登记证明');
    await modal.getByRole('button', { name: '不予通过' }).click();
    await shown(toast(`已不予通过 ${farmer.name} 的变更申请`));
    await page.locator('.ant-segmented-item').filter({ hasText: '未通过' }).click();
    const rejected = await shown(page.getByTestId('change-request').filter({ hasText: '更换联系电话' }));
    expect(await text(rejected.getByTestId('change-status'))).toBe('未通过');
    expect(await rejected.textContent()).toContain('请提供新号码的实名登记证明');
    await noToasts();
    await screenshot('16-change-rejected-phone');
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(suite.problems).toEqual([]);
  });
});

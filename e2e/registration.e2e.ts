import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar, usccCheckChar } from '../src/domains/registry/subjects/identity-check.shared.js';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, DESKTOP, PHONE, shown, text } from './ui.js';

// 生产经营主体注册 end to end, in Chinese: a farmer registers on a phone through the three-step wizard with two
// ID photos; the county official (寿光市) returns the application for correction; the farmer reads the opinion
// on the status page, corrects and resubmits; the official approves; the farmer logs in and downloads the
// identity card. Screenshots of each step go to e2e/artifacts/registration-*.png.

const suffix = randomBytes(3).toString('hex');

/** A resident ID of 寿光市 with a correct check character (GB 11643). */
function residentId(): string {
  const first17 = `370783${1960 + randomInt(40)}0612${String(randomInt(100, 999))}`;
  return first17 + idCheckChar(first17)!;
}

const farmer = {
  name: `寿光菜农${suffix}`,
  legalRep: '王建国',
  phone: '13912345678',
  idNumber: residentId(),
  username: `farmer-${suffix}`,
  password: `Green#Field-${suffix}`,
};
const opinion = '身份证人像面照片不清晰，请重新拍摄后上传';

const suite = browserSuite('registration');
let page: Page;
let photoDir: string;
const photos = { front: '', back: '', front2: '' };
let trackingCode = '';

const toast = (words: string) => ui.toast(page, words);
const snap = (name: string) => ui.screenshot(page, `registration-${name}`);
const expectNoHorizontalScroll = () => ui.expectNoHorizontalScroll(page);
const login = (username: string, password: string) => ui.login(page, username, password);
const logout = () => ui.logout(page);

/** A radio or checkbox by its visible label (antd hides the input itself). */
const option = (label: string) => page.locator('label.ant-radio-wrapper, label.ant-checkbox-wrapper').filter({ hasText: new RegExp(`^${label}$`) });

/** Province → city → county → township; `beforeLast` runs with the township column open. */
async function pickTownship(names: string[], beforeLast?: () => Promise<void>) {
  await page.locator('.ant-cascader').click();
  for (const [i, name] of names.entries()) {
    const item = await shown(page.locator(`.ant-cascader-menu-item[title="${name}"]`));
    if (i === names.length - 1) await beforeLast?.();
    await item.click();
  }
  await shown(page.locator('.ant-cascader').filter({ hasText: names[names.length - 1]! }));
}

async function upload(kind: string, file: string) {
  await page.getByTestId(`photo-${kind}`).locator('input[type=file]').setInputFiles(file);
  const preview = await shown(page.getByTestId(`photo-${kind}-preview`));
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

/** Every photo of the gallery has loaded (a broken image has no natural width). */
async function expectPhotosLoaded(count: number) {
  const images = page.getByTestId('photo-gallery').locator('img');
  await expect.poll(() => images.count()).toBe(count);
  await expect.poll(() => images.evaluateAll((list) => list.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
}

async function openApplication() {
  await page.locator('.ant-menu').getByText('注册审核').click();
  await (await shown(page.locator('.ant-table-row').filter({ hasText: farmer.name }))).click();
  await shown(page.getByTestId('application-profile'));
}

async function closeDrawer() {
  await page.locator('.ant-drawer .ant-drawer-close').click();
  await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  page = suite.page;
  photoDir = mkdtempSync(path.join(tmpdir(), 'tracenet-e2e-photos-'));
  for (const [key, words] of [
    ['front', '身份证人像面 ID front'],
    ['back', '身份证国徽面 ID back'],
    ['front2', '身份证人像面 重拍 ID front again'],
  ] as const) {
    photos[key] = path.join(photoDir, `${key}.png`);
    await QRCode.toFile(photos[key], `${words} ${suffix}`, { type: 'png', width: 320, margin: 4 });
  }
});

afterAll(() => {
  if (photoDir) rmSync(photoDir, { recursive: true, force: true });
});

describe('registration: apply, return, resubmit, approve, identity card (主体注册)', () => {
  it('lets a farmer register through the three-step wizard on a phone, with two ID photos', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(suite.server.baseUrl + '/');
    await (await shown(page.getByTestId('register-link'))).click();
    await shown(page.getByRole('heading', { name: '生产经营主体注册' }));

    // Step 1, who: a natural person growing vegetables.
    await option('生产').click();
    await option('个人').click();
    await page.locator('#register_name').fill(farmer.name);
    expect(await page.getByRole('checkbox', { name: '种植业' }).isChecked()).toBe(true);
    await page.getByLabel('生产规模').fill('12.5');
    await page.getByLabel('年产量').fill('30');
    expect(await text(page.getByTestId('wizard-step-0').locator('.ant-select').first())).toBe('亩');
    await expectNoHorizontalScroll();
    await snap('1-who');
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 2, identity: a person registers with the resident ID card, both sides photographed.
    await shown(page.locator('#register_idNumber'));
    expect(await page.getByRole('radio', { name: '居民身份证' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: '统一社会信用代码' }).isDisabled()).toBe(true);
    // A typing error is caught by the check character before anything is sent.
    const wrong = farmer.idNumber.slice(0, 17) + (farmer.idNumber[17] === '1' ? '2' : '1');
    await page.locator('#register_idNumber').fill(wrong);
    await page.locator('#register_idNumber').blur();
    await shown(page.getByText('校验位不正确，请逐位核对是否输错'));
    await page.locator('#register_idNumber').fill(farmer.idNumber);
    await page.locator('#register_legalRep').fill(farmer.legalRep);
    await page.locator('#register_phone').fill(farmer.phone);
    await upload('id_front', photos.front);
    await upload('id_back', photos.back);
    await expectNoHorizontalScroll();
    await snap('2-identity');
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 3, where and login: 山东省 / 潍坊市 / 寿光市 / 化龙镇, typed coordinates, username and password.
    await pickTownship(['山东省', '潍坊市', '寿光市', '化龙镇'], async () => {
      await expectNoHorizontalScroll();
      await snap('3-region-picker');
    });
    await page.locator('#register_address').fill('化龙镇东村 8 号');
    // Latitude and longitude swapped: refused as typed with the limit said, never clamped to 90 (issue 15 §1).
    await page.locator('#register_lat').fill('118.74');
    await page.locator('#register_lat').blur();
    const latItem = page.locator('.ant-form-item').filter({ has: page.locator('#register_lat') });
    expect(await text(latItem.locator('.ant-form-item-explain-error'))).toContain('最多 90');
    expect(Number(await page.locator('#register_lat').inputValue())).toBe(118.74);
    await snap('3-where-swapped');
    await page.locator('#register_lat').fill('36.88');
    await page.locator('#register_lng').fill('118.74');
    await page.locator('#register_password').fill(farmer.password);
    await page.locator('#register_confirm').fill(farmer.password);
    // The privacy notice asks for consent to the sensitive personal information (issue 15 §7).
    await page.locator('label.ant-checkbox-wrapper').filter({ hasText: '我已阅读并同意' }).click();
    // A login that is taken: the server's refusal shows beside the username.
    await page.locator('#register_username').fill('sg-admin');
    await page.getByTestId('register-submit').click();
    const usernameItem = page.locator('.ant-form-item').filter({ has: page.locator('#register_username') });
    expect(await text(usernameItem.locator('.ant-form-item-explain-error'))).toBe('用户名已被使用');
    await page.locator('#register_username').fill(farmer.username);
    await expectNoHorizontalScroll();
    await snap('3-where');
    await page.getByTestId('register-submit').click();

    trackingCode = await text(page.getByTestId('tracking-code'));
    expect(trackingCode).toMatch(/^[A-Z0-9]{12}$/);
    expect(await text(page.getByTestId('register-done'))).toContain(`/register/status/${trackingCode}`);
    await expectNoHorizontalScroll();
    await snap('4-submitted');
  });

  it('lets the county official see both photos and return the application with an opinion', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(suite.server.baseUrl + '/');
    await login('sg-admin', DEMO_PASSWORD);
    await openApplication();
    const profile = await text(page.getByTestId('application-profile'));
    // The responsible county sees identity number and phone in full, to check them against the photos.
    expect(profile).toContain(farmer.idNumber);
    expect(profile).toContain(farmer.phone);
    expect(profile).toContain('山东省 / 潍坊市 / 寿光市 / 化龙镇');
    expect(profile).toContain('北纬 36.88°，东经 118.74°');
    await expectPhotosLoaded(2);
    await snap('5-inbox-detail');

    await page.getByTestId('decision-buttons').getByRole('button', { name: '退回修改' }).click();
    const dialog = await shown(page.locator('.ant-modal').filter({ hasText: '退回修改：' }));
    await dialog.locator('textarea').fill(opinion);
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await shown(toast(`已退回 ${farmer.name}`));
    // Returned: it leaves the pending list, and the drawer shows the new status.
    expect(await text(page.getByTestId('application-drawer').getByTestId('status-tag'))).toBe('退回修改');
    await closeDrawer();
    await logout();
  });

  it('shows the farmer the opinion on the status page, and takes the corrected application back', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(suite.server.baseUrl + '/register/status');
    await page.getByLabel('申请查询码').fill(trackingCode.toLowerCase());
    await page.getByRole('button', { name: /查\s*询/ }).click();
    expect(await text(page.getByTestId('status-tag'))).toBe('退回修改');
    expect(await text(page.getByTestId('application-opinion'))).toBe(opinion);
    // The applicant sees the data sent masked, and the photos.
    const status = await text(page.locator('.ant-descriptions').filter({ hasText: '证件号码' }));
    expect(status).not.toContain(farmer.idNumber);
    expect(status).toContain(`3707${'*'.repeat(10)}${farmer.idNumber.slice(-4)}`);
    await expectPhotosLoaded(2);
    await expectNoHorizontalScroll();
    await snap('6-status-returned');

    await page.getByRole('button', { name: '修改并重新提交' }).click();
    expect(await text(page.getByTestId('resubmit-opinion'))).toContain(opinion);
    expect(await page.locator('#register_name').inputValue()).toBe(farmer.name);
    await page.getByRole('button', { name: '下一步' }).click();
    // The masked identity number and phone must be typed again; the last photos are kept until replaced.
    expect(await page.locator('#register_idNumber').inputValue()).toBe('');
    await page.locator('#register_idNumber').fill(farmer.idNumber);
    await page.locator('#register_phone').fill(farmer.phone);
    await shown(page.getByTestId('photo-id_back-preview'));
    await upload('id_front', photos.front2);
    await snap('7-resubmit-identity');
    await page.getByRole('button', { name: '下一步' }).click();
    await shown(page.locator('.ant-cascader').filter({ hasText: '化龙镇' }));
    expect(await page.locator('#register_username').inputValue()).toBe(farmer.username);
    await page.getByTestId('register-submit').click();

    await shown(toast('已重新提交，请等待审核'));
    await expect.poll(() => text(page.getByTestId('status-tag'))).toBe('待审核');
    expect(await text(page.getByTestId('application-history'))).toContain('修改后重新提交');
    await expectNoHorizontalScroll();
    await snap('8-status-resubmitted');
  });

  it('lets the county official approve the corrected application', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(suite.server.baseUrl + '/');
    await login('sg-admin', DEMO_PASSWORD);
    await openApplication();
    await expectPhotosLoaded(2);
    await page.getByTestId('decision-buttons').getByRole('button', { name: '审核通过' }).click();
    await ui.confirmPopover(page, '审核通过');
    await shown(toast(`已审核通过 ${farmer.name}`));
    expect(await text(page.getByTestId('application-drawer').getByTestId('status-tag'))).toBe('已通过');
    expect(await text(page.getByTestId('application-history'))).toContain('审核通过');
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 15_000 });
    await snap('9-approved');
  });

  it('lets the official find the new subject and open it', async () => {
    await closeDrawer();
    await page.locator('.ant-menu').getByText('生产经营主体').click();
    await page.getByTestId('subject-search').locator('input').fill(farmer.name);
    await page.getByTestId('subject-search').locator('input').press('Enter');
    await (await shown(page.locator('.ant-table-row').filter({ hasText: farmer.name }).getByRole('link', { name: farmer.name }))).click();
    expect(await text(page.getByTestId('subject-name'))).toBe(farmer.name);
    expect(await text(page.getByTestId('identity-code'))).toBe(`0.3707${'*'.repeat(10)}${farmer.idNumber.slice(-4)}.00000`);
    await snap('10-subject-detail');
    await logout();
  });

  it('takes an application for the registered identity number without telling the caller, and shows the clash to its applicant and the county', async () => {
    const base = suite.server.baseUrl;
    const ticket = ((await (await fetch(`${base}/api/v1/registry/upload-tickets`, { method: 'POST' })).json()) as { ticket: string }).ticket;
    const upload = async (file: string) => {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(file)], { type: 'image/png' }), 'photo.png');
      const res = await fetch(`${base}/api/v1/registry/uploads`, { method: 'POST', body: form, headers: { 'x-upload-ticket': ticket } });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { fileId: string }).fileId;
    };
    const squatter = { name: `冒名菜农${suffix}`, username: `squat-${suffix}` };
    const body = {
      category: 0, orgForm: 1, name: squatter.name, industries: ['planting'], scale: 3, scaleUnit: 'mu', annualOutput: 5, outputUnit: 'tonne',
      idKind: 'resident_id', idNumber: farmer.idNumber, legalRep: '李四', phone: '13700001111',
      photos: [{ kind: 'id_front', fileId: await upload(photos.front) }, { kind: 'id_back', fileId: await upload(photos.back) }],
      provinceCode: '37', countyCode: '370783', townshipCode: '370783100', address: '化龙镇西村 1 号', lat: 36.88, lng: 118.74,
      username: squatter.username, password: `Other#Field-${suffix}`, uploadTicket: ticket, privacyConsent: '2026-12-05',
    };
    const created = await fetch(`${base}/api/v1/registry/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(created.status, await created.clone().text()).toBe(201);
    const answer = (await created.json()) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['id', 'status', 'statusUrl', 'trackingCode']);

    await page.setViewportSize(PHONE);
    await page.goto(`${base}/register/status/${String(answer.trackingCode)}`);
    expect(await text(page.getByTestId('status-tag'))).toBe('待审核');
    expect(await text(page.getByTestId('application-clash'))).toContain('该证件号码已有注册的生产经营主体');
    await expectNoHorizontalScroll();
    await snap('10b-status-clash');

    await page.setViewportSize(DESKTOP);
    await page.goto(base + '/');
    await login('sg-admin', DEMO_PASSWORD);
    await page.locator('.ant-menu').getByText('注册审核').click();
    const row = await shown(page.locator('.ant-table-row').filter({ hasText: squatter.name }));
    expect(await text(row.getByTestId('application-clash'))).toBe('证件号码已注册');
    await row.click();
    expect(await text(page.getByTestId('application-drawer').getByTestId('application-clash'))).toContain('本申请不能审核通过');
    await snap('10c-inbox-clash');
    await page.getByTestId('decision-buttons').getByRole('button', { name: '不予通过' }).click();
    const dialog = await shown(page.locator('.ant-modal').filter({ hasText: '不予通过：' }));
    await dialog.locator('textarea').fill('证件号码已由本人注册，经核实非本人申请');
    await dialog.getByRole('button', { name: '不予通过' }).click();
    await shown(toast(`已不予通过 ${squatter.name}`));
    await closeDrawer();
    await logout();
  });

  it('lets the farmer log in and download the identity card PDF', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.server.baseUrl}/register/status/${trackingCode}`);
    expect(await text(page.getByTestId('status-tag'))).toBe('已通过');
    await page.getByRole('button', { name: '去登录' }).click();
    await login(farmer.username, farmer.password);
    // A producer's account starts on its own subject.
    await page.waitForURL(/\/my-subject$/);
    expect(await text(page.getByTestId('subject-name'))).toBe(farmer.name);
    const qr = await shown(page.getByTestId('identity-qr'));
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expectNoHorizontalScroll();
    await snap('11-my-subject');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-card').click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await shown(toast('已下载身份标识卡'));
  });

  it('lets a company register with its legal representative’s ID number, checked before sending and shown masked after (issue 21 §3)', async () => {
    await page.goto(suite.server.baseUrl + '/');
    await logout().catch(() => undefined);
    await page.setViewportSize(DESKTOP);
    await page.goto(suite.server.baseUrl + '/register');
    await shown(page.getByRole('heading', { name: '生产经营主体注册' }));
    await option('生产').click();
    await option('企业').click();
    await page.locator('#register_name').fill(`寿光蔬菜产业公司${suffix}`);
    await page.getByLabel('生产规模').fill('800');
    await page.getByLabel('年产量').fill('2000');
    await page.getByRole('button', { name: '下一步' }).click();

    await shown(page.locator('#register_idNumber'));
    expect(await page.getByRole('radio', { name: '统一社会信用代码' }).isChecked()).toBe(true);
    const first17 = `91370783MA${String(randomInt(1_000_000, 9_999_999))}`;
    await page.locator('#register_idNumber').fill(first17 + usccCheckChar(first17)!);
    await page.locator('#register_legalRep').fill('赵立新');
    const repId = residentId();
    // A typing error in the representative's number is caught by its check character, as the subject's own is.
    await page.getByTestId('legal-rep-id').fill(repId.slice(0, 17) + (repId[17] === '1' ? '2' : '1'));
    await page.getByTestId('legal-rep-id').blur();
    const repItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('legal-rep-id') });
    expect(await text(repItem.locator('.ant-form-item-explain-error'))).toBe('校验位不正确，请逐位核对是否输错');
    await page.getByTestId('legal-rep-id').fill(repId);
    await page.locator('#register_phone').fill('13912340000');
    await upload('licence', photos.back);
    await snap('9-company-identity');
    await page.getByRole('button', { name: '下一步' }).click();

    await pickTownship(['山东省', '潍坊市', '寿光市', '化龙镇']);
    await page.locator('#register_address').fill('化龙镇工业园 1 号');
    await page.locator('#register_lat').fill('36.88');
    await page.locator('#register_lng').fill('118.74');
    await page.locator('#register_username').fill(`company-${suffix}`);
    await page.locator('#register_password').fill(farmer.password);
    await page.locator('#register_confirm').fill(farmer.password);
    await page.locator('label.ant-checkbox-wrapper').filter({ hasText: '我已阅读并同意' }).click();
    await page.getByTestId('register-submit').click();
    const code = await text(page.getByTestId('tracking-code'));

    await page.goto(suite.server.baseUrl + '/register/status');
    await page.getByLabel('申请查询码').fill(code);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const shownId = await text(page.getByTestId('legal-rep-id-shown'));
    expect(shownId).not.toBe(repId);
    expect(shownId).toBe(`${repId.slice(0, 4)}${'*'.repeat(10)}${repId.slice(-4)}`);
    await snap('9-company-status');
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(suite.problems).toEqual([]);
  });
});

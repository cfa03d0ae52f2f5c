import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/domains/registry/subjects/identity-check.shared.js';
import { apiLogin, call } from './api.js';
import { startServer } from './server.js';
import { browserSuite, DESKTOP, PHONE, login, logout, shown, signIn, suitePictures, text } from './ui.js';

// Issue 15 §7, getting in when one cannot: the login page lists the demo accounts only when the demo data is
// loaded; a forgotten password becomes a request the account's administrator answers with the usual reset; the
// registration wizard asks for consent to the privacy notice, keeps both ID photos when their uploads overlap,
// says each photo's problem under its own tile; a lost tracking code comes back with the identity number and the
// phone. Pictures go to e2e/artifacts/recovery-*.png.

const suffix = randomBytes(3).toString('hex');
const suite = browserSuite('recovery');
const pictures = suitePictures('recovery');
let page: Page;
let photoDir: string;
const files = { front: '', back: '', text: '' };
const NEW_PASSWORD = `Reset#Pass-${suffix}`;
/** The tracking code of the application made in the wizard test, found again in the last one. */
let trackingCode = '';

function residentId(): string {
  const first17 = `370783${1960 + randomInt(40)}0815${String(randomInt(100, 999))}`;
  return first17 + idCheckChar(first17)!;
}
const farmer = { name: `找回测试菜农${suffix}`, idNumber: residentId(), phone: `137${String(randomInt(10_000_000, 99_999_999))}`, username: `recover-${suffix}`, password: `Green#Field-${suffix}` };

const option = (label: string) => page.locator('label.ant-radio-wrapper, label.ant-checkbox-wrapper').filter({ hasText: new RegExp(`^${label}$`) });
const tileError = (kind: string) => page.getByTestId(`photo-${kind}-error`);

beforeAll(async () => {
  page = suite.page;
  photoDir = mkdtempSync(path.join(tmpdir(), 'tracenet-e2e-recovery-'));
  files.front = path.join(photoDir, 'front.png');
  files.back = path.join(photoDir, 'back.png');
  files.text = path.join(photoDir, 'notes.txt');
  await QRCode.toFile(files.front, `身份证人像面 ${suffix}`, { type: 'png', width: 320, margin: 4 });
  await QRCode.toFile(files.back, `身份证国徽面 ${suffix}`, { type: 'png', width: 320, margin: 4 });
  writeFileSync(files.text, 'not a photo');
});

afterAll(() => {
  if (photoDir) rmSync(photoDir, { recursive: true, force: true });
});

describe('account recovery (issue 15 §7)', () => {
  it('lists the demo accounts on the login page of a server holding the demo data', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(suite.server.baseUrl + '/');
    expect(await text(page.getByTestId('demo-accounts'))).toContain('moa-admin');
    await pictures.screenshot(page, 'login-demo-phone');
  });

  it('lists none on a server without the demo data', async () => {
    const bare = await startServer(150_000, { DEMO_SEED: 'no' });
    try {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/login-options'));
      await page.goto(bare.baseUrl + '/');
      expect(await (await answered).json()).toEqual({ demo: false });
      await shown(page.getByTestId('forgot-link'));
      expect(await page.getByTestId('demo-accounts').count()).toBe(0);
      await pictures.screenshot(page, 'login-no-demo-phone');
    } finally {
      await bare.stop();
    }
  });

  it('sends a forgotten password to the administrator, who resets it through the usual reset', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(suite.server.baseUrl + '/');
    await page.getByLabel('用户名').fill('sg-hl-user');
    await (await shown(page.getByTestId('forgot-link'))).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '忘记密码' });
    expect(await (await shown(modal.locator('#forgot_username'))).inputValue()).toBe('sg-hl-user');
    await pictures.screenshot(page, 'forgot-phone');
    await modal.getByRole('button', { name: '提交重置申请' }).click();
    await shown(page.getByTestId('forgot-done'));
    await pictures.screenshot(page, 'forgot-done-phone');

    // The county's supervision admin manages the township station's staff: the request waits on its users page.
    await page.setViewportSize(DESKTOP);
    await signIn(page, suite.server.baseUrl, 'sg-admin');
    await page.goto(suite.server.baseUrl + '/users');
    const card = await shown(page.getByTestId('reset-requests'));
    await shown(card.getByText('sg-hl-user', { exact: true }));
    await pictures.screenshot(page, 'reset-requests-desktop');
    await card.getByTestId('reset-request-sg-hl-user').click();
    const reset = page.locator('.ant-modal').filter({ hasText: '重置 sg-hl-user 的密码' });
    await (await shown(reset.locator('input[type=password], input#reset-password_newPassword').first())).fill(NEW_PASSWORD);
    await reset.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('reset-requests').waitFor({ state: 'detached' });

    // The holder gets in with the temporary password and must choose a new one.
    await logout(page);
    await login(page, 'sg-hl-user', NEW_PASSWORD);
    await shown(page.getByTestId('forced-password'));
  });

  it('asks for consent, keeps both photos when their uploads overlap and says each photo problem under its tile', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(suite.server.baseUrl + '/register');
    await shown(page.getByRole('heading', { name: '生产经营主体注册' }));
    await option('生产').click();
    await option('个人').click();
    await page.locator('#register_name').fill(farmer.name);
    await page.getByLabel('生产规模').fill('8');
    await page.getByLabel('年产量').fill('20');
    await page.getByRole('button', { name: '下一步' }).click();

    await shown(page.locator('#register_idNumber'));
    await page.locator('#register_idNumber').fill(farmer.idNumber);
    await page.locator('#register_legalRep').fill('赵四');
    await page.locator('#register_phone').fill(farmer.phone);
    // No photos yet: each required tile says what it lacks, under itself.
    await page.getByRole('button', { name: '下一步' }).click();
    expect(await text(tileError('id_front'))).toBe('请上传身份证人像面');
    expect(await text(tileError('id_back'))).toBe('请上传身份证国徽面');
    expect(await tileError('site').count()).toBe(0);
    // Not a picture: refused under the tile it was put in, not under the other.
    await page.getByTestId('photo-id_front').locator('input[type=file]').setInputFiles(files.text);
    expect(await text(tileError('id_front'))).toBe('只接受 JPG 或 PNG 图片');
    expect(await text(tileError('id_back'))).toBe('请上传身份证国徽面');
    await pictures.screenshot(page, 'photo-errors-phone');
    // Both sides picked at once: both uploads are in flight together, and both photos stay.
    await Promise.all([
      page.getByTestId('photo-id_front').locator('input[type=file]').setInputFiles(files.front),
      page.getByTestId('photo-id_back').locator('input[type=file]').setInputFiles(files.back),
    ]);
    await shown(page.getByTestId('photo-id_front-preview'));
    await shown(page.getByTestId('photo-id_back-preview'));
    await page.waitForTimeout(500);
    await shown(page.getByTestId('photo-id_front-preview'));
    expect(await tileError('id_front').count()).toBe(0);
    expect(await tileError('id_back').count()).toBe(0);
    await pictures.screenshot(page, 'photos-both-phone');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.locator('.ant-cascader').click();
    for (const name of ['山东省', '潍坊市', '寿光市', '化龙镇']) await (await shown(page.locator(`.ant-cascader-menu-item[title="${name}"]`))).click();
    await page.locator('#register_address').fill('化龙镇北村 3 号');
    await page.locator('#register_lat').fill('36.88');
    await page.locator('#register_lng').fill('118.74');
    await page.locator('#register_username').fill(farmer.username);
    await page.locator('#register_password').fill(farmer.password);
    await page.locator('#register_confirm').fill(farmer.password);
    // Nothing is ticked for the applicant: without consent the application is not sent.
    await shown(page.getByTestId('privacy-notice'));
    await page.getByTestId('register-submit').click();
    await shown(page.getByText('请阅读并勾选同意个人信息处理告知，才能提交申请'));
    await pictures.screenshot(page, 'consent-required-phone');
    await page.locator('label.ant-checkbox-wrapper').filter({ hasText: '我已阅读并同意' }).click();
    await page.getByTestId('register-submit').click();
    const code = await text(page.getByTestId('tracking-code'));
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    // Both photos reached the application: its status page shows two.
    await page.goto(`${suite.server.baseUrl}/register/status/${code}`);
    await expect.poll(() => page.getByTestId('photo-gallery').locator('img').count(), { timeout: 20_000 }).toBe(2);
    trackingCode = code;
  });

  it('gives back a lost tracking code for the identity number and the phone together', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.server.baseUrl}/register/status`);
    const card = await shown(page.getByTestId('recover-code'));
    await card.locator('#recover_idNumber').fill(farmer.idNumber);
    await card.locator('#recover_phone').fill('13900000001');
    await card.getByRole('button', { name: /找\s*回/ }).click();
    await shown(page.getByTestId('recover-none'));
    await pictures.screenshot(page, 'recover-none-phone');
    await card.locator('#recover_phone').fill(farmer.phone);
    await card.getByRole('button', { name: /找\s*回/ }).click();
    expect(await text(page.getByTestId('recovered-code'))).toBe(trackingCode);
    await pictures.screenshot(page, 'recover-found-phone');
    await page.getByTestId('recover-found').getByRole('link', { name: '查看进度' }).click();
    await page.waitForURL(/\/register\/status\/[A-Z0-9]{12}$/);
  });

  /** 忘记密码 on the login page for `username`, on the page's current viewport. */
  async function forgot(username: string) {
    // Whoever was signed in before is gone: the login page is the anonymous one's.
    await page.context().clearCookies();
    await page.goto(suite.server.baseUrl + '/');
    await page.getByLabel('用户名').fill(username);
    await (await shown(page.getByTestId('forgot-link'))).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '忘记密码' });
    await shown(modal.getByText('生产经营主体的员工账号：申请会交给本主体的主账号'));
    await modal.getByRole('button', { name: '提交重置申请' }).click();
    await shown(page.getByTestId('forgot-done'));
  }

  /** Sets NEW_PASSWORD in the open reset dialog of `username`. */
  async function setNewPassword(username: string) {
    const reset = page.locator('.ant-modal').filter({ hasText: `重置 ${username} 的密码` });
    await (await shown(reset.locator('input#reset-password_newPassword').first())).fill(NEW_PASSWORD);
    await reset.getByRole('button', { name: /确\s*定|OK/ }).click();
    await reset.waitFor({ state: 'hidden' });
  }

  it('sends a producer staff account’s forgotten password to its own main account, which resets it on a phone', async () => {
    const staff = `coop-staff-${suffix}`;
    const coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
    await call(coop, 'POST', '/registry/my-subject/accounts', { username: staff, displayName: '包装员王五', password: `First#Pass-${suffix}` });
    await page.setViewportSize(PHONE);
    await forgot(staff);

    await signIn(page, suite.server.baseUrl, 'sg-coop');
    await page.goto(suite.server.baseUrl + '/my-subject');
    const card = await shown(page.getByTestId('staff-reset-requests'));
    expect(await text(card)).toContain('包装员王五');
    await card.scrollIntoViewIfNeeded();
    await pictures.screenshot(page, 'staff-reset-request-phone');
    await card.getByTestId(`reset-request-${staff}`).click();
    await setNewPassword(staff);
    await page.getByTestId('staff-reset-requests').waitFor({ state: 'detached' });
    await logout(page);
    await login(page, staff, NEW_PASSWORD);
    await shown(page.getByTestId('forced-password'));
    await pictures.screenshot(page, 'staff-forced-password-phone');
  });

  it('sends a main account’s forgotten password to its county, which resets it from 注册审核 on a desktop', async () => {
    await page.setViewportSize(DESKTOP);
    await forgot('sg-farmer');
    await signIn(page, suite.server.baseUrl, 'sg-admin');
    await page.goto(suite.server.baseUrl + '/applications');
    const card = await shown(page.getByTestId('main-reset-requests'));
    expect(await text(card)).toContain('sg-farmer');
    expect(await text(card)).toContain('张建国');
    await pictures.screenshot(page, 'main-reset-request-desktop');
    await card.getByTestId('reset-request-sg-farmer').click();
    await setNewPassword('sg-farmer');
    await page.getByTestId('main-reset-requests').waitFor({ state: 'detached' });
    await logout(page);
    await login(page, 'sg-farmer', NEW_PASSWORD);
    await shown(page.getByTestId('forced-password'));
    expect(suite.problems).toEqual([]);
  });
});

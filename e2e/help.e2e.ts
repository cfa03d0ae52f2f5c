import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, signIn, text } from './ui.js';

// 帮助中心 (issue 14 §6): every role's guide, searchable, opened at the right section by each page's 本页帮助, with
// the screenshots this suite takes. The guides' pictures live in web/public/help (committed): this suite takes each
// one that is missing, or all of them with HELP_SCREENSHOTS=1 (then rebuild the console); otherwise it checks that
// every picture of every guide is drawn. Pictures of the run: e2e/artifacts/help-*.png.

const suite = browserSuite('help');
let page: Page;
const { screenshot } = ui.suitePictures('help');
const HELP_IMAGES = path.resolve(import.meta.dirname, '../web/public/help');
/** Every page of the console starts with its title. */
const HEADING = 'h1, h2, h3, h4, .ant-card-head-title';
const WEB_DIST_HELP = path.resolve(import.meta.dirname, '../web/dist/help');

/** Each guide's picture: who takes it, where, on which screen. */
const PICTURES: { file: string; user: string | null; at: string; screen: typeof DESKTOP; ready: string }[] = [
  { file: 'producer-new-batch.png', user: 'sg-coop', at: '/trace/batches/new', screen: DESKTOP, ready: HEADING },
  { file: 'county-applications.png', user: 'sg-admin', at: '/applications', screen: DESKTOP, ready: HEADING },
  { file: 'township-field.png', user: 'sg-hl-user', at: '/supervision/field', screen: PHONE, ready: HEADING },
  { file: 'lab-samples.png', user: 'sg-lab-admin', at: '/monitoring/samples', screen: DESKTOP, ready: HEADING },
  { file: 'enforcement-cases.png', user: 'sg-law-admin', at: '/enforcement/cases', screen: DESKTOP, ready: HEADING },
  { file: 'admin-allocate.png', user: 'sd-admin', at: '/allocate', screen: DESKTOP, ready: HEADING },
  { file: 'ops-backups.png', user: 'ops-admin', at: '/ops/backups', screen: DESKTOP, ready: HEADING },
  { file: 'applicant-register.png', user: null, at: '/register', screen: PHONE, ready: HEADING },
];

beforeAll(() => {
  page = suite.page;
});

describe('console: 帮助中心', () => {
  it("takes each guide's picture that is missing (all with HELP_SCREENSHOTS=1)", async () => {
    mkdirSync(HELP_IMAGES, { recursive: true });
    const wanted = PICTURES.filter((p) => process.env.HELP_SCREENSHOTS === '1' || !existsSync(path.join(HELP_IMAGES, p.file)));
    for (const p of wanted) {
      await page.setViewportSize(p.screen);
      if (p.user) {
        await signIn(page, suite.server.baseUrl, p.user);
        await page.goto(suite.server.baseUrl + p.at);
      } else {
        await page.goto(suite.server.baseUrl + '/');
        if (await page.getByTestId('user-menu').isVisible()) await ui.logout(page);
        await page.goto(suite.server.baseUrl + p.at);
      }
      await shown(page.locator(p.ready));
      await page.mouse.move(0, 0);
      await page.waitForTimeout(1_500);
      await page.screenshot({ path: path.join(HELP_IMAGES, p.file), type: 'png' });
      // The running server serves the built console: put the new picture there too (the next build copies it).
      if (existsSync(WEB_DIST_HELP.replace(/help$/, ''))) {
        mkdirSync(WEB_DIST_HELP, { recursive: true });
        copyFileSync(path.join(HELP_IMAGES, p.file), path.join(WEB_DIST_HELP, p.file));
      }
    }
    for (const p of PICTURES) expect(existsSync(path.join(HELP_IMAGES, p.file)), p.file).toBe(true);
  }, 600_000);

  it("opens the producer's own section from 本页帮助 on a phone, with its picture drawn", async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, suite.server.baseUrl, 'sg-coop');
    await page.goto(suite.server.baseUrl + '/trace/batches');
    await (await shown(page.getByTestId('page-help'))).click();
    await page.waitForURL(/\/help\/producer#producer-\d+$/);
    const section = await shown(page.locator('section.tn-help-section').filter({ hasText: '登记批次' }).first());
    expect(new URL(page.url()).hash).toBe(`#${await section.getAttribute('id')}`);
    expect(await text(section)).toContain('追溯码');
    await expectPicturesDrawn(page);
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'producer-phone', false);
  }, 180_000);

  it("opens the enforcement guide for an enforcement officer's 追溯查询, and finds 召回 by search on a desktop", async () => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, suite.server.baseUrl, 'sg-law-admin');
    await page.goto(suite.server.baseUrl + '/enforcement/cases');
    await (await shown(page.getByTestId('page-help'))).click();
    await shown(page.getByTestId('guide-enforcement'));
    expect(await text(page.locator('section.tn-help-section').first())).toContain('立案');

    await page.getByPlaceholder(/搜索操作指南/).fill('召回');
    await page.getByPlaceholder(/搜索操作指南/).press('Enter');
    const results = await shown(page.locator('.ant-card').filter({ hasText: /找到 \d+ 个相关章节/ }));
    const links = results.locator('a');
    expect(await links.count()).toBeGreaterThan(2);
    await screenshot(page, 'search-desktop');
    await links.filter({ hasText: '召回通知' }).first().click();
    await shown(page.getByTestId('guide-producer'));
    await expectPicturesDrawn(page);
    await screenshot(page, 'guide-desktop');
    expect(suite.problems).toEqual([]);
  }, 180_000);

  it('helps an applicant who is not signed in: the registration guide from the public pages', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(suite.server.baseUrl + '/');
    if (await page.getByTestId('user-menu').isVisible()) await ui.logout(page);
    await page.goto(suite.server.baseUrl + '/register/status');
    await (await shown(page.getByTestId('page-help'))).click();
    await page.waitForURL(/\/help\/applicant#applicant-\d+$/);
    await shown(page.locator('section.tn-help-section').filter({ hasText: '查询申请进度' }));
    await expectPicturesDrawn(page);
    await screenshot(page, 'applicant-phone', false);
  }, 180_000);
});

/** Every picture of the guide on screen has loaded (a missing file draws nothing: naturalWidth 0). */
async function expectPicturesDrawn(p: Page) {
  const images = p.locator('.tn-help-guide img');
  expect(await images.count()).toBeGreaterThan(0);
  await p.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.tn-help-guide img')].every((i) => i.complete));
  const widths = await images.evaluateAll((all) => all.map((i) => (i as HTMLImageElement).naturalWidth));
  for (const w of widths) expect(w).toBeGreaterThan(100);
}

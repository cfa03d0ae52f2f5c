import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser.js';
import { startServer, type TestServer } from './server.js';

// What every browser suite shares: the server and Chromium around the tests, failure screenshots, the script
// errors and CSP violations seen, and the few ways of finding and driving antd widgets.

export const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
export const DEMO_PASSWORD = 'Tracenet#2026';
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

export type BrowserSuite = { server: TestServer; page: Page; /** script errors and CSP violations; the console must cause none */ problems: string[] };

/**
 * Starts a server on a fresh data folder and Debian's Chromium before the file's tests, screenshots a failing
 * test into e2e/artifacts/failed-{prefix}-…png, and stops both afterwards. The suite's fields are set once its
 * beforeAll has run (hooks registered after this call run after it).
 */
/** `env` adds to the server's environment (a shorter job backoff for a test that waits on retries). */
export function browserSuite(prefix: string, env: Record<string, string> = {}): BrowserSuite {
  const suite = { problems: [] as string[] } as BrowserSuite;
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    suite.server = await startServer(150_000, env);
    const browser = await launchBrowser();
    close = browser.close;
    suite.page = browser.context.pages()[0] ?? (await browser.context.newPage());
    suite.page.setDefaultTimeout(20_000);
    suite.page.on('pageerror', (error) => suite.problems.push(`pageerror: ${error.message}`));
    suite.page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) suite.problems.push(`csp: ${msg.text()}`);
    });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && suite.page) {
      const name = ctx.task.name.replace(/[^\w\u4e00-\u9fa5-]+/g, '-').slice(0, 60);
      await suite.page.screenshot({ path: path.join(ARTIFACTS, `failed-${prefix}-${name}.png`), fullPage: true }).catch(() => undefined);
    }
  });
  afterAll(async () => {
    await close();
    await suite.server?.stop();
  });
  return suite;
}

/** The first match, once it is visible. */
export async function shown(locator: Locator, timeout = 20_000): Promise<Locator> {
  const first = locator.first();
  await first.waitFor({ state: 'visible', timeout });
  return first;
}

export async function text(locator: Locator): Promise<string> {
  return ((await (await shown(locator)).textContent()) ?? '').trim();
}

/** antd puts a space between the two characters of a two-character Chinese button label. */
export const twoChars = (label: string) => new RegExp(`^\\s*${[...label].join('\\s*')}\\s*$`);

/** The antd toast message containing `words`. */
export const toast = (page: Page, words: string) => page.locator('.ant-message-notice').filter({ hasText: words });

/** The open dialog whose title is `title`. */
export const dialog = (page: Page, title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

export async function login(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export async function logout(page: Page) {
  const item = page.getByRole('menuitem', { name: '退出登录' });
  const loginButton = page.getByRole('button', { name: /登\s*录/ });
  // Once in a while, on a loaded two-core machine, the menu opening does not take the click: try again.
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await (await shown(item)).click();
    try {
      await shown(loginButton, attempt < 3 ? 8_000 : 20_000);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * Clicks the button of the open confirmation bubble and waits for it to close. A closed bubble stays in the
 * page (hidden), so only a visible one counts; a click that lands while it is still opening is tried again.
 */
export async function confirmPopover(page: Page, button: string | RegExp) {
  const open = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  for (let attempt = 1; ; attempt++) {
    await (await shown(open.getByRole('button', { name: button }))).click();
    try {
      await open.first().waitFor({ state: 'hidden', timeout: attempt < 3 ? 5_000 : 20_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * Clicks `target` until `expected` shows: on a loaded two-core machine a click that lands while a dialog is still
 * zooming in is sometimes lost. Use it only where a second click is harmless (a validation message, a panel).
 */
export async function clickUntilShown(target: Locator, expected: Locator) {
  for (let attempt = 1; ; attempt++) {
    await (await shown(target)).click();
    try {
      return await shown(expected, attempt < 3 ? 5_000 : 20_000);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/**
 * The page must fit the phone's width: no sideways scrolling. Right after a viewport change the layout is still the
 * old one until antd's breakpoint listeners have re-rendered (the side menu folds, grids restack), so the width is
 * polled for a few seconds; a page that stays too wide still fails, with its width.
 */
export async function expectNoHorizontalScroll(page: Page) {
  const widths = () => page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  await expect.poll(async () => { const w = await widths(); return w.doc <= w.view; }, { timeout: 5_000, interval: 200 }).toBe(true).catch(() => undefined);
  const last = await widths();
  expect(last.doc, `page is ${last.doc}px wide on a ${last.view}px screen`).toBeLessThanOrEqual(last.view);
}

/** A full-page screenshot into e2e/artifacts/{name}.png, the mouse out of the way and animations settled. */
export async function screenshot(page: Page, name: string, fullPage = true) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** A picture of one part of the page (a card) into e2e/artifacts/{name}.png, the mouse out of the way. */
export async function snapPart(part: Locator, name: string) {
  await part.page().mouse.move(0, 0);
  await part.page().waitForTimeout(300);
  await part.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Screenshot helpers named for one suite: its pictures are `{prefix}-{name}.png`, a full page taken from the top. */
export function suitePictures(prefix: string) {
  return {
    async screenshot(p: Page, name: string, fullPage = true) {
      if (fullPage) await p.evaluate(() => window.scrollTo(0, 0));
      await screenshot(p, `${prefix}-${name}`, fullPage);
    },
    snapPart: (part: Locator, name: string) => snapPart(part, `${prefix}-${name}`),
  };
}

/** Signs `username` in on the console's home page, signing out whoever was in first. */
export async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(baseUrl + '/');
  await shown(page.getByTestId('user-menu').or(page.getByLabel('用户名')));
  if (await page.getByTestId('user-menu').isVisible()) await logout(page);
  await login(page, username, DEMO_PASSWORD);
  await shown(page.getByTestId('user-menu'));
}

/** Opens a page from the side menu (folded away on a phone), once the console is there. */
export async function openMenu(p: Page, label: string) {
  await shown(p.getByTestId('user-menu'));
  const item = p.locator('.ant-menu').getByText(label, { exact: true });
  const toggle = p.getByRole('button', { name: '菜单' });
  // The side menu's code loads apart from the shell (issue 15 §9): on a wide screen wait for it, on a phone for the
  // button that opens (and loads) it.
  await shown(p.locator('.tn-sider .ant-menu').or(toggle));
  if (!(await item.isVisible())) await toggle.click();
  await (await shown(item)).click();
}

// What the console's end-to-end test shares: a real server whose demo seed includes last month
// finished (visits, a complaint, an exception, a QA evaluation, a held statement), the console's
// Vite build served at /console, headless Debian Chromium at a desktop size, and sign-in.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/seed/seed.js';
import { ensureBuilt } from '../../scripts/ensure-builds.mjs';
import { type BrowserRig, chineseContext, settleAnimations, shotsDir, startBrowserRig } from '../browser/harness.js';

export const SHOTS = shotsDir('console');

export type ConsoleRig = BrowserRig;

export async function startConsole(): Promise<ConsoleRig> {
  await ensureBuilt('console');
  return startBrowserRig({}, { demoMonth: true });
}

/** A fresh browser session signed in as `username`, on the console at `month`. */
export async function signIn(rig: ConsoleRig, username: string, month: string, errors: string[]): Promise<Page> {
  const context = await chineseContext(rig.browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await page.goto(`${rig.origin}/console/?month=${month}#/dashboard`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('who').waitFor();
  return page;
}

/** Waits for antd's loading spinners to go, then shoots the whole page. */
export async function shoot(page: Page, name: string) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await settleAnimations(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Answers an antd Popconfirm: the primary button of the open popover. */
export async function confirmPop(page: Page, okText: string) {
  const pop = page.locator('.ant-popover:not(.ant-popover-hidden)').last();
  await pop.getByRole('button', { name: new RegExp(okText.split('').join('\\s*')) }).click();
}

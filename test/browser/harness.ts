// What every Chromium end-to-end test shares, whichever app it drives (the console, the mini-program's
// H5): a real test server, Debian's headless Chromium with nothing phoning home, the browser's origin
// for the server, one close for both, and contexts in Chinese on Beijing time as the users' phones and
// desks are.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../server/src/common/config.js';
import { startTestServer, type TestServer } from '../../server/src/testing/harness.js';

// No update, sync or background requests: the tests run offline and their timings stay the server's.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserRig {
  s: TestServer;
  /** The server's origin, where its apps are served (`/console/`, `/h5/`). */
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** One test server and one Chromium; the server is closed again if the browser does not start. */
export async function startBrowserRig(...server: Parameters<typeof startTestServer>): Promise<BrowserRig> {
  const s = await startTestServer(...server);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    await s.close();
    throw e;
  }
  return {
    s,
    origin: s.url.replace(/\/graphql$/, ''),
    browser,
    async close() {
      await browser.close();
      await s.close();
    },
  };
}

/** A browser context in Chinese on Beijing time; `options` sets the device. */
export function chineseContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
}

/** The folder for a workspace's screenshots, created if missing. */
export function shotsDir(workspace: 'console' | 'miniprogram'): string {
  const dir = path.join(REPO_ROOT, workspace, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Waits for the page's finite animations (a page slide, a toast) to end, so a screenshot or a width
 * is not taken mid-transition. Endless ones (a loading icon's spin) never finish, so they are left
 * out, and the wait is bounded: a shot of a page still moving is better than a test that hangs.
 */
export async function settleAnimations(page: Page, timeoutMs = 5_000): Promise<void> {
  await page.evaluate(
    (ms) =>
      Promise.race([
        // A cancelled animation rejects its promise, which is as good as finished here.
        Promise.allSettled(
          document
            .getAnimations()
            .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
            .map((a) => a.finished),
        ),
        new Promise((resolve) => setTimeout(resolve, ms)),
      ]),
    timeoutMs,
  );
}

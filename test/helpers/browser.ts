import fs from 'node:fs';
import path from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';

/** Where Debian's chromium package puts the browser; the browser tests run only where it is installed. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether a Chromium is installed for the browser tests (CI installs it with apt). */
export const hasChromium = fs.existsSync(CHROMIUM);

/**
 * `describe` when Chromium is installed, else a skipped block that says why (and how to install it), so a
 * machine without a browser still runs the rest of the suite.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (hasChromium) describe(name, body);
  else {
    describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package, as .ci/run does)`, body);
  }
}

/** A page that records what it asked for and what it complained about. */
export interface WatchedPage {
  page: Page;
  /** URLs of requests to any host other than the hub's. */
  external: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Writes a PNG of the page as `<dir>/<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
}

/** Starts headless Chromium (WebGL through SwiftShader, which Debian's package brings). */
export async function launchBrowser(): Promise<Browser> {
  // puppeteer-core is ESM only, which Jest's own module loader cannot run: load it with Node's (which
  // requires ES modules since Node 20.19).
  const nodeModule = require('node:module') as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const puppeteer = nodeModule._load(require.resolve('puppeteer-core'), null, false) as typeof import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--enable-unsafe-swiftshader', '--window-size=1280,800'],
    defaultViewport: { width: 1280, height: 800 },
  });
}

/**
 * A new page of `browser` that records requests leaving `origin` (they are also aborted, so none reaches the
 * network) and console errors; screenshots go to `screenshotDir` (created).
 */
export async function watchedPage(browser: Browser, origin: string, screenshotDir: string): Promise<WatchedPage> {
  const page = await browser.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) void request.continue();
    else {
      external.push(url);
      void request.abort();
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  fs.mkdirSync(screenshotDir, { recursive: true });
  return {
    page,
    external,
    errors,
    async screenshot(name: string) {
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file as `${string}.png` });
      return file;
    },
  };
}

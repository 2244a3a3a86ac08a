// The system Chromium driven by playwright-core (no browser download), plus the
// helpers every browser test uses. (Test files reach them through support/fixture.mjs;
// support/engines.mjs drives Firefox and WebKit too.)
//
//   const browser = await launchBrowser();               // in before()
//   await withPage(browser, t, async (page) => { ... }); // in a test: screenshot on failure
//   await login(page, DEMO.admin, DEMO.password);
//   await expectNoAxeViolations(page, 'login page');
//   await browser.close();                               // in after()

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = path.resolve(here, '..', 'test-results');

export const VIEWPORTS = Object.freeze({
  desktop: { width: 1280, height: 800 },
  tablet: { width: 820, height: 1180 },
  mobile: { width: 390, height: 844 },
});

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  // Chromium 15x's headless mode loads the address bar's popup (a WebUI page in a
  // renderer of its own) with every new window, so with every test's fresh context:
  // on two cores it competed with the page under test. Puppeteer disables the same.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
]);

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * A fresh context (own cookies and sessionStorage) with one page at the given viewport.
 * Page errors and console errors are kept on `page.problems` for failure messages.
 */
export async function newPage(browser, viewport = VIEWPORTS.desktop, contextOptions = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`);
  });
  return page;
}

function fileSafe(name) {
  return name.replace(/[^a-z0-9._-]+/gi, '_').replace(/^_+|_+$/g, '').slice(0, 120) || 'page';
}

/** Saves a full-page screenshot into tests/e2e/test-results/ and returns its path. */
export async function saveScreenshot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${fileSafe(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs `fn(page)` with a fresh page; on failure saves a screenshot named after the
 * test and adds the page's own errors to the message. Always closes the context.
 * `t` is node:test's test context (for its name) or a string.
 */
export async function withPage(browser, t, fn, { viewport = VIEWPORTS.desktop, contextOptions } = {}) {
  const name = typeof t === 'string' ? t : t.name;
  const page = await newPage(browser, viewport, contextOptions);
  try {
    return await fn(page);
  } catch (err) {
    const notes = [];
    try {
      notes.push(`screenshot: ${await saveScreenshot(page, name)}`);
    } catch (shotErr) {
      notes.push(`(no screenshot: ${shotErr.message})`);
    }
    notes.push(`url: ${page.url()}`);
    if (page.problems.length) notes.push(...page.problems);
    err.message = `${err.message}\n${notes.join('\n')}`;
    throw err;
  } finally {
    await page.context().close();
  }
}

/** Opens a path of the console and waits for the app to have mounted. */
export async function openApp(page, baseUrl, pathname = '/') {
  await page.goto(new URL(pathname, baseUrl).href);
  await page.waitForLoadState('load');
}

/**
 * Fills the login form the page shows and submits it. Does not wait for the outcome:
 * the test asserts what it expects (the dashboard, or an error).
 */
export async function login(page, email, password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /log in/i }).click();
}

/**
 * Waits up to 2 s for `locator` to have the focus. A focus given back after a dialog
 * closes or a list rewrites its rows lands in a later task (the `close` event, the
 * next frame), not by the time the step before this returned.
 */
export async function expectFocused(locator, what) {
  for (let i = 0; i < 40; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const focused = await locator.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
  throw new Error(`${what} (the focus is on ${focused})`);
}

/**
 * WCAG 2.x A and AA rules and axe's best practices (landmarks, headings, unique names),
 * with a budget of zero. Pass `disableRules` for a reviewed, documented exception.
 */
export const AXE_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);

export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      at ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      ... and ${v.nodes.length - 5} more` : '';
      return `  - [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, label, { disableRules = [], include, exclude } = {}) {
  let builder = new AxeBuilder({ page }).withTags([...AXE_TAGS]);
  if (disableRules.length) builder = builder.disableRules(disableRules);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  const { violations } = await builder.analyze();
  if (violations.length) {
    let shot = '';
    try {
      shot = `\nscreenshot: ${await saveScreenshot(page, `axe-${label}`)}`;
    } catch {
      // the list below is what matters
    }
    throw new Error(`${violations.length} accessibility violation(s) on ${label}:\n${formatViolations(violations)}${shot}`);
  }
}

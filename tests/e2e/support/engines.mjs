// One small driver interface over three browser engines, so a flow is written once
// and runs in each:
//
//   chromium  playwright-core driving /usr/bin/chromium (CDP)
//   firefox   puppeteer-core driving /usr/bin/firefox-esr over WebDriver BiDi
//   webkit    WebKitGTK's WebKitWebDriver (classic W3C WebDriver over HTTP) under
//             xvfb-run, with MiniBrowser; a few fetch() calls, no client library
//
//   const browser = await launchEngine('firefox');
//   const page = await browser.newContext({ width: 1280, height: 800 });
//   await page.goto(url); await page.click({ role: 'button', name: 'Log in' });
//   await page.close(); await browser.close();
//
// A page: goto, url, reload, click, fill, select, type, press, text, evaluate,
// waitFor, setViewport, screenshot, close. Elements are found by a query, resolved
// inside the page by `findElement` below (so every engine finds the same element):
//   'css selector' | { css } | { role, name } | { label } | { text } (+ within: query)
// `name`, `label` and `text` match the whitespace-folded text exactly; a RegExp as
// `{ re: 'source' }` matches a part.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { freePort } from './server.mjs';
import { AXE_TAGS, formatViolations, saveScreenshot } from './browser.mjs';

export const ENGINES = Object.freeze(['chromium', 'firefox', 'webkit']);
export const WEBKIT_BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs inside the page: the element a query names, or null. Self-contained (it is
 * sent to the page as source). Only visible elements count for role/label/text.
 */
export function findElement(query) {
  const fold = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const matches = (want, got) => (typeof want === 'string' ? fold(got) === want : new RegExp(want.re).test(fold(got)));
  const visible = (el) => {
    if (el.tagName === 'DIALOG') return el.open;
    if (!el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const implicit = (el) => {
    const t = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (t === 'button' || (t === 'input' && ['button', 'submit', 'reset'].includes(type))) return 'button';
    if (t === 'a' && el.hasAttribute('href')) return 'link';
    if (/^h[1-6]$/.test(t)) return 'heading';
    if (t === 'input' && type === 'checkbox') return 'checkbox';
    if (t === 'input' || t === 'textarea') return 'textbox';
    if (t === 'select') return 'combobox';
    if (t === 'dialog') return 'dialog';
    if (t === 'nav') return 'navigation';
    if (t === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'region';
    if (t === 'table') return 'table';
    if (t === 'main') return 'main';
    if (t === 'li') return 'listitem';
    if (t === 'ul' || t === 'ol') return 'list';
    return null;
  };
  // Text as accessible names read it: text nodes joined with spaces ("Analyst 3"),
  // without what is aria-hidden (icons).
  const textOf = (node) => [...node.childNodes].map((c) => {
    if (c.nodeType === Node.TEXT_NODE) return c.data;
    if (c.nodeType !== Node.ELEMENT_NODE || c.getAttribute('aria-hidden') === 'true') return '';
    return textOf(c);
  }).join(' ');
  const byIds = (ids) => ids.split(/\s+/).map((id) => {
    const el = document.getElementById(id);
    return el ? el.getAttribute('aria-label') || textOf(el) : '';
  }).join(' ');
  const name = (el) => {
    if (el.hasAttribute('aria-labelledby')) return byIds(el.getAttribute('aria-labelledby'));
    if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.labels?.length) return [...el.labels].map((l) => l.textContent).join(' ');
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return el.getAttribute('title') || '';
    return textOf(el) || el.getAttribute('title') || '';
  };
  const find = (q, root) => {
    if (typeof q === 'string') q = { css: q };
    if (q.within) {
      root = find(q.within, root);
      if (!root) return null;
    }
    if (q.css) return root.querySelector(q.css);
    const all = [...root.querySelectorAll('*')].filter(visible);
    if (q.role) {
      return all.find((el) => (el.getAttribute('role') || implicit(el)) === q.role
        && (q.name === undefined || matches(q.name, name(el)))
        && (q.level === undefined || el.tagName === `H${q.level}`)) ?? null;
    }
    if (q.label) {
      return all.find((el) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && matches(q.label, name(el))) ?? null;
    }
    if (q.text) {
      // The innermost element whose text matches.
      const hits = all.filter((el) => matches(q.text, el.textContent));
      return hits.find((el) => !hits.some((o) => o !== el && el.contains(o))) ?? null;
    }
    throw new Error(`unknown query ${JSON.stringify(q)}`);
  };
  return find(query, document);
}

function describe(query) {
  return typeof query === 'string' ? query : JSON.stringify(query);
}

/** Common behaviour on top of an engine's few primitives. */
class BasePage {
  constructor(engine) {
    this.engine = engine;
    this.problems = [];
  }

  /** Polls until the query finds a visible element (state 'visible') or none ('hidden'). */
  async waitFor(query, { state = 'visible', timeout = 10_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      let found;
      try {
        found = await this.evaluate(`(${findElement})(${JSON.stringify(query)}) !== null`);
      } catch {
        found = undefined; // a navigation in progress
      }
      if (found === (state === 'visible')) return;
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for ${describe(query)} to be ${state}`);
      await sleep(50);
    }
  }

  /** Polls a page expression until it is truthy; returns its value. */
  async until(expression, what, timeout = 10_000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(expression);
        if (last) return last;
      } catch (err) {
        last = err.message;
      }
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await sleep(50);
    }
  }

  async text(query) {
    await this.waitFor(query);
    return this.evaluate(`(${findElement})(${JSON.stringify(query)}).innerText.replace(/\\s+/g, ' ').trim()`);
  }

  /** The `value` of a form field. */
  async value(query) {
    await this.waitFor(query);
    return this.evaluate(`(${findElement})(${JSON.stringify(query)}).value`);
  }

  /** Whether the element the query finds has the focus. */
  isFocused(query) {
    return this.evaluate(`document.activeElement === (${findElement})(${JSON.stringify(query)})`);
  }

  async attribute(query, name) {
    await this.waitFor(query);
    return this.evaluate(`(${findElement})(${JSON.stringify(query)}).getAttribute(${JSON.stringify(name)})`);
  }

  /** Waits for the element and hands its engine handle to `fn`. */
  async withElement(query, fn) {
    await this.waitFor(query);
    return fn(await this.handle(query));
  }

  /** Runs axe (WCAG 2.x A/AA and best practice) on the page; returns the violations. */
  async axe(tags) {
    const injected = await this.evaluate('typeof window.axe === "object"');
    if (!injected) await this.run(`${AXE_SOURCE}\n;return true;`);
    return this.evaluateAsync(`return axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })) })))`);
  }
}

// ---------------------------------------------------------------------------------------
// Chromium: playwright-core

class PlaywrightPage extends BasePage {
  constructor(page) {
    super('chromium');
    this.page = page;
    page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
  }
  goto(url) { return this.page.goto(url); }
  async url() { return this.page.url(); }
  reload() { return this.page.reload(); }
  evaluate(expression) { return this.page.evaluate(expression); }
  run(statements) { return this.page.evaluate(`(() => { ${statements} })()`); }
  evaluateAsync(body) { return this.page.evaluate(`(async () => { ${body} })()`); }
  handle(query) { return this.page.evaluateHandle(`(${findElement})(${JSON.stringify(query)})`); }
  click(query) { return this.withElement(query, (h) => h.click()); }
  fill(query, value) { return this.withElement(query, (h) => h.fill(value)); }
  select(query, value) { return this.withElement(query, (h) => h.selectOption(value)); }
  type(text) { return this.page.keyboard.type(text); }
  press(key) { return this.page.keyboard.press(key === 'Space' ? ' ' : key); }
  setViewport(size) { return this.page.setViewportSize(size); }
  screenshot({ path }) { return this.page.screenshot({ path, fullPage: true }); }
  async grantClipboard(origin) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
  close() { return this.page.context().close(); }
}

async function launchChromium() {
  const { launchBrowser } = await import('./browser.mjs');
  const browser = await launchBrowser();
  return {
    engine: 'chromium',
    version: browser.version(),
    async newContext(viewport) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return new PlaywrightPage(page);
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi

class PuppeteerPage extends BasePage {
  constructor(page, context) {
    super('firefox');
    this.page = page;
    this.context = context;
    page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
  }
  async goto(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async url() { return this.page.url(); }
  async reload() { await this.page.reload({ waitUntil: 'load' }); }
  evaluate(expression) { return this.page.evaluate(expression); }
  run(statements) { return this.page.evaluate(`(() => { ${statements} })()`); }
  evaluateAsync(body) { return this.page.evaluate(`(async () => { ${body} })()`); }
  handle(query) { return this.page.evaluateHandle(`(${findElement})(${JSON.stringify(query)})`); }
  click(query) { return this.withElement(query, (h) => h.click()); }
  fill(query, value) {
    return this.withElement(query, async (h) => {
      await h.click({ count: 3 });
      await h.evaluate((el) => el.select?.());
      if (value === '') await this.page.keyboard.press('Backspace');
      else await h.type(value);
    });
  }
  select(query, value) { return this.withElement(query, (h) => h.select(value)); }
  type(text) { return this.page.keyboard.type(text); }
  async press(key) {
    const keys = key.split('+').map((k) => (k === 'Space' ? ' ' : k));
    const last = keys.pop();
    for (const k of keys) await this.page.keyboard.down(k);
    await this.page.keyboard.press(last);
    for (const k of keys.reverse()) await this.page.keyboard.up(k);
  }
  setViewport(size) { return this.page.setViewport(size); }
  screenshot({ path }) { return this.page.screenshot({ path, fullPage: true }); }
  // The pref dom.events.testing.asyncClipboard (set at launch) lets the page read
  // the clipboard without Firefox's paste prompt.
  async grantClipboard() {}
  close() { return this.context.close(); }
}

async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'dom.events.testing.asyncClipboard': true },
  });
  return {
    engine: 'firefox',
    version: (await browser.version()).replace(/^firefox\//i, 'Firefox '),
    async newContext(viewport) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.setViewport(viewport);
      return new PuppeteerPage(page, context);
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------
// WebKit: WebKitGTK's WebKitWebDriver, classic W3C WebDriver over HTTP

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** WebDriver key codes of the keys the flows use. */
const WD_KEYS = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Shift: '\uE008', Space: ' ', Backspace: '\uE003', ArrowDown: '\uE015', ArrowUp: '\uE013' };

class WebDriverPage extends BasePage {
  constructor(driverUrl, sessionId, onClose) {
    super('webkit');
    this.base = `${driverUrl}/session/${sessionId}`;
    this.onClose = onClose;
  }
  async cmd(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`webkit: ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }
  async goto(url) { await this.cmd('POST', '/url', { url }); }
  url() { return this.cmd('GET', '/url'); }
  async reload() { await this.cmd('POST', '/refresh', {}); }
  evaluate(expression) {
    return this.cmd('POST', '/execute/sync', { script: `return (${expression}\n);`, args: [] });
  }
  run(statements) { return this.cmd('POST', '/execute/sync', { script: statements, args: [] }); }
  evaluateAsync(body) {
    const script = `const done = arguments[arguments.length - 1];
      (async () => { ${body} })().then(done, (e) => done({ __error: String(e && e.message || e) }));`;
    return this.cmd('POST', '/execute/async', { script, args: [] }).then((v) => {
      if (v && v.__error) throw new Error(`webkit: ${v.__error}`);
      return v;
    });
  }
  async handle(query) {
    const el = await this.cmd('POST', '/execute/sync', { script: `return (${findElement})(arguments[0]);`, args: [query] });
    if (!el) throw new Error(`webkit: no element for ${describe(query)}`);
    return el[ELEMENT];
  }
  click(query) { return this.withElement(query, (id) => this.cmd('POST', `/element/${id}/click`, {})); }
  fill(query, value) {
    return this.withElement(query, async (id) => {
      await this.cmd('POST', `/element/${id}/clear`, {});
      if (value !== '') await this.cmd('POST', `/element/${id}/value`, { text: value });
    });
  }
  async select(query, value) {
    // WebDriver selects an option by clicking it.
    const id = await this.withElement(query, (h) => h);
    const option = await this.cmd('POST', '/execute/sync', {
      script: 'return [...arguments[0].options].find((o) => o.value === arguments[1]) ?? null;',
      args: [{ [ELEMENT]: id }, value],
    });
    if (!option) throw new Error(`webkit: no option ${value} in ${describe(query)}`);
    await this.cmd('POST', `/element/${option[ELEMENT]}/click`, {});
  }
  async keys(actions) {
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }
  type(text) {
    return this.keys([...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]));
  }
  press(key) {
    const codes = key.split('+').map((k) => WD_KEYS[k] ?? k);
    return this.keys([
      ...codes.map((value) => ({ type: 'keyDown', value })),
      ...codes.reverse().map((value) => ({ type: 'keyUp', value })),
    ]);
  }
  async setViewport({ width, height }) {
    // The window's size including MiniBrowser's toolbar: grow it by the difference.
    await this.cmd('POST', '/window/rect', { width, height });
    const inner = await this.evaluate('[innerWidth, innerHeight]');
    await this.cmd('POST', '/window/rect', { width: width + (width - inner[0]), height: height + (height - inner[1]) });
  }
  async screenshot({ path }) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'));
  }
  // MiniBrowser is started with javascript-can-access-clipboard (see launchWebKit).
  async grantClipboard() {}
  async close() {
    try {
      await this.cmd('DELETE', '');
    } finally {
      this.onClose();
    }
  }
}

/**
 * Starts WebKitWebDriver on its own virtual display. One driver runs one session at a
 * time, so a second context needs a second driver. The detached process group
 * (xvfb, driver, browser) is ended by `stop`.
 */
async function startWebKitDriver(configDir) {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', process.env.WEBKIT_DRIVER_PATH || 'WebKitWebDriver', `--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: { ...process.env, XDG_CONFIG_HOME: configDir },
  });
  let log = '';
  driver.stderr.setEncoding('utf8').on('data', (c) => { log = (log + c).slice(-20_000); });
  const stop = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch { /* not up yet */ }
    if (driver.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`WebKitWebDriver did not start on port ${port}:\n${log}`);
    }
    await sleep(100);
  }
  return { url, stop, log: () => log };
}

/** A WebDriver session (a fresh MiniBrowser) on `driverUrl`; its JSON answer. */
async function newWebKitSession(driverUrl) {
  const res = await fetch(`${driverUrl}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ capabilities: { alwaysMatch: {
      'webkitgtk:browserOptions': {
        binary: process.env.WEBKIT_BROWSER_PATH || WEBKIT_BROWSER,
        args: ['--automation', '--javascript-can-access-clipboard=true'],
      },
    } } }),
    signal: AbortSignal.timeout(60_000),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(json.value?.message ?? `HTTP ${res.status}`);
  return json;
}

async function launchWebKit() {
  // MiniBrowser's toolbar would keep its window at least 447 px wide; shrunk by this
  // GTK style (the browser's own widgets only, not the page) the window reaches 375 px.
  const configDir = mkdtempSync(path.join(tmpdir(), 'oc-webkit-'));
  mkdirSync(path.join(configDir, 'gtk-3.0'));
  writeFileSync(path.join(configDir, 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n');
  const drivers = [];
  const idle = [];
  let version = 'WebKitGTK';
  try {
    version = `WebKitGTK ${execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })}`;
  } catch { /* not Debian: the first session says */ }
  return {
    engine: 'webkit',
    get version() { return version; },
    async newContext(viewport) {
      // Under load MiniBrowser sometimes never answers a new session: after a minute
      // that driver is ended and a fresh one tried, twice at most.
      let json;
      let driver;
      for (let attempt = 1; ; attempt++) {
        driver = idle.pop();
        if (!driver) {
          driver = await startWebKitDriver(configDir);
          drivers.push(driver);
        }
        try {
          json = await newWebKitSession(driver.url);
          break;
        } catch (err) {
          driver.stop();
          drivers.splice(drivers.indexOf(driver), 1);
          if (attempt === 2) throw new Error(`webkit: new session: ${err.message}\n${driver.log()}`);
        }
      }
      version = `WebKitGTK ${json.value.capabilities.browserVersion}`;
      const page = new WebDriverPage(driver.url, json.value.sessionId, () => idle.push(driver));
      await page.cmd('POST', '/timeouts', { script: 30_000, pageLoad: 30_000 });
      await page.setViewport(viewport);
      return page;
    },
    async close() {
      for (const d of drivers) d.stop();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe with the project's tags on a driver page; fails with a readable list. */
export async function expectNoAxe(page, label) {
  const violations = await page.axe([...AXE_TAGS]);
  if (!violations.length) return;
  let shot = '';
  try {
    shot = `\nscreenshot: ${await saveScreenshot(page, `axe-${page.engine}-${label}`)}`;
  } catch {
    // the list below is what matters
  }
  throw new Error(`${violations.length} accessibility violation(s) on ${label}:\n${formatViolations(violations)}${shot}`);
}

/**
 * The focused element: tag, name, and whether its focus is drawn (an outline or a
 * box-shadow while it matches :focus-visible). `body` means the focus was lost.
 */
export function focusState(page) {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { tag: 'body', name: '', visible: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    // A focus ring drawn as a box-shadow; a transparent one is a transition's start.
    const ring = !!s.boxShadow && s.boxShadow !== 'none' && !/^rgba\\(0, 0, 0, 0\\)/.test(s.boxShadow);
    let fv = false;
    try { fv = el.matches(':focus-visible'); } catch { fv = true; }
    return {
      tag: el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').replace(/\\s+/g, ' ').trim().slice(0, 80),
      visible: fv && (outline || ring),
      outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
      ring: s.boxShadow,
    };
  })()`);
}

/** Starts the engine's browser; `name` is one of ENGINES. */
export function launchEngine(name) {
  switch (name) {
    case 'chromium': return launchChromium();
    case 'firefox': return launchFirefox();
    case 'webkit': return launchWebKit();
    default: throw new Error(`unknown engine ${name} (engines: ${ENGINES.join(', ')})`);
  }
}

// The one fixture every browser test file uses: a backend (fresh in-memory database),
// a browser, the organisation as the API reports it, an admin API session, and pages
// logged in as a given role.
//
//   const s = suite();                        // inside describe(): registers before/after
//   test('…', (t) => s.withPage(t, async (page) => { … }));
//   await s.loginAs(page, DEMO.user, '/organisation/users');
//   await s.api('GET', '/user');              // as the admin
//
// `suite({ serverArgs: ['--seed-users', '60'] })` passes flags to the backend.
// `suite({ engine: 'firefox' })` drives the browser through the engine-neutral driver
// of support/engines.mjs instead of playwright-core (chromium, firefox or webkit);
// its pages have that driver's methods, and withPage's option is `{ viewport }`.

import { after, before } from 'node:test';
import { DEMO, api, apiLogin, startServer } from './server.mjs';
import { VIEWPORTS, launchBrowser, login, openApp, saveScreenshot, withPage } from './browser.mjs';
import { launchEngine } from './engines.mjs';

export const LIST = '/organisation/users';

/** The seeded account of each role. */
export const ROLE_EMAIL = Object.freeze({
  admin: DEMO.admin,
  user: DEMO.user,
  readonly: DEMO.readonly,
});

/**
 * Registers before/after hooks on the enclosing describe() and returns the suite's
 * state; its fields are filled in once before() has run.
 */
export function suite({ serverArgs = [], engine = null } = {}) {
  let token = null;
  const s = {
    server: null,
    browser: null,
    /** With `engine`: its name; the pages are engine-neutral driver pages. */
    engine,
    /** GET /organisation as the admin saw it when the suite started. */
    org: null,

    /** A fresh admin token (a test may move the clock or reset the admin's token). */
    async adminToken() {
      token = (await apiLogin(s.server, DEMO.admin, DEMO.password)).token;
      return token;
    },

    /** Calls the API as the admin, logging in again once if the token has expired. */
    async api(method, pathAndQuery, { body } = {}) {
      if (!token) await s.adminToken();
      try {
        return await api(s.server, method, pathAndQuery, { token, body });
      } catch (err) {
        if (err.status !== 401) throw err;
        return api(s.server, method, pathAndQuery, { token: await s.adminToken(), body });
      }
    },

    async roles() {
      return (await s.api('GET', '/permission/list')).roles;
    },

    /** The user with exactly this email, or undefined. */
    async findUser(email) {
      const { items } = await s.api('GET', `/user?q=${encodeURIComponent(email)}`);
      return items.find((u) => u.email === email);
    },

    /** A fresh page (screenshot on failure, context closed after); see browser.mjs. */
    withPage(t, fn, options) {
      return engine ? withEnginePage(s.browser, t, fn, options) : withPage(s.browser, t, fn, options);
    },

    /** Opens `path`, logs in as `email` and waits for the organisation's heading. */
    async loginAs(page, email, path = '/') {
      if (engine) {
        await page.goto(new URL(path, s.server.baseUrl).href);
        await page.fill({ label: 'Email' }, email);
        await page.fill({ label: 'Password' }, DEMO.password);
        await page.click({ role: 'button', name: 'Log in' });
        await page.waitFor({ role: 'heading', name: s.org.name, level: 1 });
        return;
      }
      await openApp(page, s.server.baseUrl, path);
      await login(page, email, DEMO.password);
      await page.getByRole('heading', { name: s.org.name, level: 1 }).waitFor();
    },

    /** A page logged in as `role` (admin, user, readonly) at `path`, for `fn`. */
    asRole(t, role, path, fn, options) {
      return s.withPage(t, async (page) => {
        await s.loginAs(page, ROLE_EMAIL[role], path);
        return fn(page);
      }, options);
    },
  };

  before(async () => {
    s.server = await startServer({ extraArgs: serverArgs });
    s.browser = engine ? await launchEngine(engine) : await launchBrowser();
    if (engine) console.log(`# browser: ${await s.browser.version}`);
    s.org = await s.api('GET', '/organisation');
  });

  after(async () => {
    await s.browser?.close();
    await s.server?.stop();
  });

  return s;
}

/** withPage for engine-neutral pages: a fresh context, a screenshot and the URL on failure. */
async function withEnginePage(browser, t, fn, { viewport = VIEWPORTS.desktop } = {}) {
  const name = `${browser.engine}-${typeof t === 'string' ? t : t.name}`;
  const page = await browser.newContext(viewport);
  try {
    return await fn(page);
  } catch (err) {
    const notes = [];
    try {
      notes.push(`url: ${await page.url()}`);
      notes.push(`screenshot: ${await saveScreenshot(page, name)}`);
    } catch (noteErr) {
      notes.push(`(no screenshot: ${noteErr.message})`);
    }
    notes.push(...page.problems);
    err.message = `${err.message}\n${notes.join('\n')}`;
    throw err;
  } finally {
    await page.close().catch(() => {});
  }
}

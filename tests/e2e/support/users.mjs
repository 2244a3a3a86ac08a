// Helpers shared by the User Management browser tests: the list's locators, reading
// its rows, waiting for a condition, and (userPageKit) what the user-page tests need.

import assert from 'node:assert/strict';
import { DEMO, api, apiLogin } from './server.mjs';
import { login, openApp } from './browser.mjs';

export const LIST = '/organisation/users';

/**
 * Polls `check` until it returns `true` (anything else, or a throw, means "not yet";
 * the last value is in the timeout message). For outcomes no single locator states,
 * e.g. "every row has this role".
 */
export async function until(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last === true) return;
    } catch (err) {
      last = err.message;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const usersTable = (page) => page.getByRole('table', { name: 'Users' });
export const userRows = (page) => usersTable(page).locator('tbody tr');

/** The rows of the user table as { role, email, created (ISO), token }. */
export function readUserRows(page) {
  return userRows(page).evaluateAll((trs) => trs.map((tr) => ({
    role: tr.querySelector('td[data-label="Permission Level"]').textContent.trim(),
    email: tr.querySelector('td[data-label="Email"] a').textContent.trim(),
    created: tr.querySelector('td[data-label="Created At (UTC)"] time').getAttribute('datetime'),
    token: tr.querySelector('td[data-label="Token Key"]').textContent.trim(),
  })));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-11-22T23:05:09Z` as the console shows it: `22 Nov 2025, 23:05 UTC`. */
export function formatUtc(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/**
 * Helpers for tests of the single-user page against `server`: API look-ups with a
 * fresh admin token each time (a test may reset the admin's token or move the clock),
 * logging in at a path, opening a user's page, reading its facts.
 */
export async function userPageKit(server) {
  const adminToken = async () => (await apiLogin(server, DEMO.admin, DEMO.password)).token;
  const token = await adminToken();
  const org = await api(server, 'GET', '/organisation', { token });
  const { roles } = await api(server, 'GET', '/permission/list', { token });
  const kit = {
    org,
    roles,
    adminToken,
    role: (name) => roles.find((r) => r.name === name),
    async userByEmail(email) {
      const { items } = await api(server, 'GET', `/user?q=${encodeURIComponent(email)}`, { token: await adminToken() });
      const user = items.find((u) => u.email === email);
      assert.ok(user, `${email} exists`);
      return user;
    },
    async userById(id) {
      return api(server, 'GET', `/user/${id}`, { token: await adminToken() });
    },
    async loginAt(page, email, path) {
      await openApp(page, server.baseUrl, path);
      await login(page, email, DEMO.password);
      await page.getByRole('heading', { name: org.name, level: 1 }).waitFor();
    },
    async openUser(page, user) {
      await kit.loginAt(page, DEMO.admin, `${LIST}/${user.id}`);
      await page.getByRole('heading', { name: user.email, level: 2 }).waitFor();
    },
    /** The page's dt/dd pairs as an object. */
    facts: (page) => page.locator('dl.oc-facts').evaluate((dl) => Object.fromEntries(
      [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]))),
    button: (page, name) => page.getByRole('button', { name, exact: true }),
  };
  return kit;
}

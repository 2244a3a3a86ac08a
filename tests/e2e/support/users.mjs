// Helpers shared by the User Management browser tests: the list's locators, reading
// its rows, waiting for a condition, and (userPageKit) what the user-page tests need.

import { before } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './server.mjs';
import { LIST, suite } from './fixture.mjs';

export { LIST } from './fixture.mjs';

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

/**
 * Fails when the user table is drawn outside its card: a table wider than its card
 * scrolls inside it, where the first row's last action must still be reachable.
 */
export async function expectTableInsideCard(page, label) {
  const outside = await page.evaluate(() => {
    const card = document.querySelector('.oc-users-card').getBoundingClientRect();
    const row = document.querySelector('table.oc-users tbody tr').getBoundingClientRect();
    // Just right of the card, at the first row's height: the page there, not the row.
    const hit = document.elementFromPoint(card.right + 2, row.top + row.height / 2);
    return hit?.closest('table') ? `${hit.tagName.toLowerCase()} at x=${Math.round(card.right + 2)}` : null;
  });
  assert.equal(outside, null, `${label}: the table reaches out of its card`);
  const last = page.locator('table.oc-users tbody tr').first().getByRole('button').last();
  await last.scrollIntoViewIfNeeded();
  const [box, card] = [await last.boundingBox(), await page.locator('.oc-users-card').boundingBox()];
  assert.ok(box.x >= card.x && box.x + box.width <= card.x + card.width,
    `${label}: the row's last action is not within the card once scrolled to`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-11-22T23:05:09Z` as the console shows it: `22 Nov 2025, 23:05 UTC`. */
export function formatUtc(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/**
 * A suite (support/fixture.mjs; call inside describe()) as `s`, with what the
 * user-list tests need: the live role list, a user by email, logging in (at the list
 * by default) and opening the list as the admin, waiting for its first row.
 */
export function userListKit(options) {
  const s = suite(options);
  const kit = {
    s,
    roleList: () => s.roles(),
    findUser: (email) => s.findUser(email),
    loginAs: (page, email, path = LIST) => s.loginAs(page, email, path),
    async openList(page, path = LIST) {
      await kit.loginAs(page, DEMO.admin, path);
      await userRows(page).first().waitFor();
    },
  };
  return kit;
}

/**
 * Helpers for tests of the single-user page on the suite `s` (support/fixture.mjs):
 * the roles as they were at the start, user look-ups as the admin, logging in at a
 * path, opening a user's page, reading its facts. Call it inside describe(); the
 * helpers work once the suite's before() has run.
 */
export function userPageKit(s) {
  const kit = {
    /** The roles as the API listed them before the first test. */
    roles: [],
    role: (name) => kit.roles.find((r) => r.name === name),
    async userByEmail(email) {
      const user = await s.findUser(email);
      assert.ok(user, `${email} exists`);
      return user;
    },
    userById: (id) => s.api('GET', `/user/${id}`),
    loginAt: (page, email, path) => s.loginAs(page, email, path),
    async openUser(page, user) {
      await s.loginAs(page, DEMO.admin, `${LIST}/${user.id}`);
      await page.getByRole('heading', { name: user.email, level: 2 }).waitFor();
    },
    /** The page's dt/dd pairs as an object. */
    facts: (page) => page.locator('dl.oc-facts').evaluate((dl) => Object.fromEntries(
      [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]))),
    button: (page, name) => page.getByRole('button', { name, exact: true }),
  };
  before(async () => {
    kit.roles.push(...(await s.roles()));
  });
  return kit;
}

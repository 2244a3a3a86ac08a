// The standalone page's head start (public/early-session.js): with a session in the
// tab, `GET /user/me` and, for a page in the organisation's frame, `GET /organisation`
// are asked while the wasm loads, and the app takes the answers over instead of
// asking again; an early answer that failed is asked again, nothing lost.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { suite } from './support/fixture.mjs';

/** Counts the API's GETs of `path` (exact, no query) from now on. */
function countGets(page, path) {
  const seen = { count: 0 };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname === `/api${path}`) seen.count += 1;
  });
  return seen;
}

describe('the head start of the standalone page', () => {
  const s = suite();

  test('a deep link asks who is logged in and the organisation once, while the wasm loads', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      const me = countGets(page, '/user/me');
      const org = countGets(page, '/organisation');
      // The main module is held back until the organisation is asked for: only the
      // page's script can ask then.
      let orgAsked;
      const asked = new Promise((resolve) => { orgAsked = resolve; });
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/organisation') orgAsked(true);
      });
      let askedWhileHeld = null;
      await page.route(/org-console_bg\.wasm$/, async (route) => {
        askedWhileHeld = await Promise.race([asked, new Promise((r) => setTimeout(() => r(false), 5_000))]);
        await route.continue();
      });
      await page.goto(new URL('/organisation/overview', s.server.baseUrl).href);
      await page.getByRole('heading', { level: 1, name: s.org.name }).waitFor();
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.equal(askedWhileHeld, true, 'asked before the main module arrived');
      assert.deepEqual([me.count, org.count], [1, 1]);
    }));

  test('a failed early answer is asked again by the app', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      const org = countGets(page, '/organisation');
      let first = true;
      await page.route(/\/api\/organisation$/, (route) => {
        if (first) {
          first = false;
          return route.abort('connectionfailed');
        }
        return route.continue();
      });
      await page.goto(new URL('/organisation/users/2', s.server.baseUrl).href);
      await page.getByRole('heading', { level: 1, name: s.org.name }).waitFor();
      assert.equal(org.count, 2, 'the early request and the app\'s own');
    }));
});

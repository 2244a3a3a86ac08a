// The standalone page's head start (public/early-session.js): with a session in the
// tab, `GET /user/me`, for a page in the organisation's frame `GET /organisation`,
// and for the users list in its default view its first page are asked while the wasm
// loads, and the app takes the answers over instead of asking again; an early answer
// that failed is asked again, nothing lost; when the script comes late, the app asks
// on its own. The main module is compiled only once the loading line is on screen.

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

/**
 * Holds back the response for a URL matching `held` until the API has been asked for
 * each of `paths` (at most 5 s). `hold.whileAsked` then says whether they were all
 * asked meanwhile (null until such a response was held).
 */
async function holdUntilAsked(page, held, paths) {
  const seen = new Set();
  let allAsked;
  const asked = new Promise((resolve) => { allAsked = resolve; });
  page.on('request', (r) => {
    seen.add(new URL(r.url()).pathname);
    if (paths.every((path) => seen.has(`/api${path}`))) allAsked(true);
  });
  const hold = { whileAsked: null };
  await page.route(held, async (route) => {
    hold.whileAsked ??= await Promise.race([asked, new Promise((r) => setTimeout(() => r(false), 5_000))]);
    await route.continue();
  });
  return hold;
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
      const held = await holdUntilAsked(page, /org-console_bg\.wasm$/, ['/organisation']);
      await page.goto(new URL('/organisation/overview', s.server.baseUrl).href);
      await page.getByRole('heading', { level: 1, name: s.org.name }).waitFor();
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.equal(held.whileAsked, true, 'asked before the main module arrived');
      assert.deepEqual([me.count, org.count], [1, 1]);
    }));

  test('the users list asks for its first page and the roles once, while the wasm loads', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      const lists = countGets(page, '/user');
      const roles = countGets(page, '/permission/list');
      const held = await holdUntilAsked(page, /org-console_bg\.wasm$/, ['/user', '/permission/list']);
      await page.goto(new URL('/organisation/users', s.server.baseUrl).href);
      const rows = page.getByRole('table', { name: 'Users' }).locator('tbody tr');
      await rows.first().waitFor();
      await page.getByRole('navigation', { name: 'Filter by role' }).waitFor();
      assert.equal(held.whileAsked, true, 'asked before the main module arrived');
      assert.deepEqual([lists.count, roles.count], [1, 1], 'the app took the early answers over');
      // Another view is the app's own request.
      await page.getByRole('navigation', { name: 'Filter by role' }).getByRole('link', { name: /^Admin/ }).click();
      await page.waitForURL(/role=/);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('table.oc-users tbody tr .oc-role-badge')].every((b) => b.textContent.trim() === 'Admin'));
      assert.equal(lists.count, 2);
    }));

  test('a filtered link to the users list is not asked early: the app asks for it', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      const lists = countGets(page, '/user');
      await page.goto(new URL('/organisation/users?role=nanoAdmin', s.server.baseUrl).href);
      await page.getByRole('table', { name: 'Users' }).locator('tbody tr').first().waitFor();
      const badges = await page.locator('table.oc-users tbody tr .oc-role-badge').allTextContents();
      assert.ok(badges.length > 0 && badges.every((b) => b.trim() === 'Admin'), `only admins: ${badges}`);
      assert.equal(lists.count, 1);
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

  test('when early-session.js comes after the app has started, the app asks on its own', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      // Both scripts are async: the start does not wait for this one. It is held
      // until the app itself has asked who is logged in.
      const held = await holdUntilAsked(page, /\/early-session\.js$/, ['/user/me']);
      await page.goto(new URL('/organisation/users', s.server.baseUrl).href);
      await page.getByRole('heading', { level: 1, name: s.org.name }).waitFor();
      await page.getByRole('table', { name: 'Users' }).locator('tbody tr').first().waitFor();
      assert.equal(held.whileAsked, true, 'the app asked while the script was held');
    }));

  test('the main module is compiled after the frame with the loading line is drawn, not before', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      // Records when the glue first hands the main module to the browser to compile
      // (streaming, from its response), and when the first frame has been drawn (a
      // task after its animation frame: the frame's paint is done by then, though
      // shown a moment later). The first page's pack may compile before: off the main
      // thread, from its bytes (WebAssembly.compile).
      await page.addInitScript(() => {
        requestAnimationFrame(() => setTimeout(() => { window.__drawnAt = performance.now(); }));
        for (const name of ['instantiateStreaming', 'compileStreaming']) {
          const original = WebAssembly[name];
          if (!original) continue;
          WebAssembly[name] = function compile(source, ...rest) {
            const at = performance.now();
            Promise.resolve(source).then((response) => {
              if (/\/org-console_bg\.wasm$/.test(new URL(response.url).pathname)) window.__firstCompileAt ??= at;
            }, () => {});
            return original.call(this, source, ...rest);
          };
        }
      });
      // The stylesheet comes a little late, as from a slow CDN (within the start's
      // 250 ms bound on its wait): the browser draws no frame before it, while the
      // document is parsed and the main module fetched long before. Otherwise the
      // first frame comes before the parser is done, and a start that did not wait
      // for it would pass.
      await page.route(/\/org-console-[0-9a-f]+\.css$/, async (route) => {
        await new Promise((resolve) => { setTimeout(resolve, 100); });
        await route.continue();
      });
      for (let visit = 0; visit < 3; visit++) {
        await page.goto(new URL('/organisation/overview', s.server.baseUrl).href);
        await page.getByRole('heading', { level: 1, name: s.org.name }).waitFor();
        const { drawn, compile } = await page.evaluate(() => ({
          drawn: window.__drawnAt,
          compile: window.__firstCompileAt,
        }));
        assert.ok(drawn !== undefined && compile !== undefined, `both seen: ${drawn}, ${compile}`);
        assert.ok(drawn <= compile, `visit ${visit}: drawn at ${drawn} ms, compiled at ${compile} ms`);
      }
    }));
});

// The console embedded in the example host page (public/embed, "ACME Partner Portal"):
// the portal's own login is the only login; the portal's routes and the console's
// routes share one history (back and forward); a refused token is asked for again;
// two refusals in a row end the session calmly; logging out in either place; and the
// portal's links outside the console's base path are left to the portal.
// (Styles, themes and the phone layout: embedding-isolation.test.mjs; mount/unmount
// cycles and the mount() API: embedding-lifecycle.test.mjs.)

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, api, apiLogin } from './support/server.mjs';
import { expectNoAxeViolations } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';
import { until } from './support/users.mjs';
import {
  CONSOLE_TOKEN_KEY, HOST, HOST_TOKEN_KEY, PROVOKE_TRAP, consoleElement, consoleEvents, consoleMark, hostHeader,
  hostLogin, hostNotices, hostSidebar, hostToken, markConsole, openOrganisation, orgHeading,
  recordConsoleEvents, setHostToken,
} from './support/embedding.mjs';

describe('embedding: the example host page', () => {
  const s = suite();
  let server;
  let org;

  before(() => {
    ({ server, org } = s);
  });

  const path = (page) => {
    const u = new URL(page.url());
    return u.pathname + u.search;
  };
  const usersTable = (page) => page.getByRole('table', { name: 'Users' });
  const breadcrumbCurrent = (page) =>
    page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]');

  test('the portal\'s sign-in is a card of its own at desktop and phone widths', async (t) => {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 375, height: 812 }]) {
      await s.withPage(`${t.name} (${viewport.width})`, async (page) => {
        await page.goto(new URL(HOST.login, server.baseUrl).href);
        const heading = page.getByRole('heading', { name: 'Log in to the partner portal', level: 1 });
        await heading.waitFor();
        const card = await page.locator('.host-login').boundingBox();
        const lines = (await heading.boundingBox()).height / parseFloat(await heading.evaluate((h) => getComputedStyle(h).lineHeight));
        if (viewport.width > 1000) {
          assert.ok(card.width >= 400, `the card is ${card.width} px wide`);
          assert.ok(Math.round(lines) === 1, `the heading takes ${lines} lines`);
        } else {
          assert.ok(card.width >= viewport.width - 40, `the card is ${card.width} px wide`);
        }
        const button = await page.getByRole('button', { name: 'Log in' }).boundingBox();
        assert.ok(button.x + button.width <= card.x + card.width, 'the button stays in the card');
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
      }, { viewport });
    }
  });

  test('the portal logs in; the console shows the organisation with no second login', async (t) => {
    await s.withPage(t, async (page) => {
      await recordConsoleEvents(page);
      const consoleRequests = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/') && !r.url().endsWith('/user/validate')) {
          consoleRequests.push(r.headers()['x-bintu-token'] ?? null);
        }
      });

      await page.goto(new URL(HOST.root, server.baseUrl).href);
      await page.waitForURL((u) => u.pathname === HOST.login);
      await expectNoAxeViolations(page, 'portal login page');

      await hostLogin(page, server.baseUrl, { path: HOST.login });
      assert.equal(new URL(page.url()).pathname, HOST.streams);
      await page.getByRole('heading', { name: 'Streams', level: 1 }).waitFor();
      await hostHeader(page).getByText(DEMO.admin).waitFor();
      assert.equal(await consoleElement(page).count(), 0, 'no console outside the Organisation route');
      await expectNoAxeViolations(page, 'portal streams page');
      const token = await hostToken(page);
      assert.ok(token, 'the portal keeps its token under its own key');

      consoleRequests.length = 0;
      await openOrganisation(page, org);
      assert.equal(path(page), HOST.overview);
      assert.equal(await page.getByLabel('Password').count(), 0, 'the console shows no login form');
      assert.equal(await page.getByRole('button', { name: 'Log in' }).count(), 0);
      assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), CONSOLE_TOKEN_KEY), null,
        'the console keeps no token of its own');
      assert.equal(await page.evaluate(() => localStorage.getItem('acme-portal.token')), null);
      assert.ok(consoleRequests.length > 0, 'the console called the API');
      assert.ok(consoleRequests.every((t) => t === token), `every request carries the portal's token: ${consoleRequests}`);

      // What the console added to its element.
      const mountInfo = await consoleElement(page).evaluate((el) => ({
        host: el.classList.contains('oc-host'),
        theme: el.getAttribute('data-oc-theme'),
        first: el.firstElementChild?.tagName === 'LINK' ? el.firstElementChild.getAttribute('href') : null,
      }));
      assert.ok(mountInfo.host, 'class oc-host on the mount element');
      assert.equal(mountInfo.theme, 'light');
      assert.match(mountInfo.first ?? '', /org-console\.css$/, 'the console stylesheet is its first child');

      // Events, breadcrumb and title.
      await until(async () => (await consoleEvents(page, 'org-console:navigate')).length >= 1, 'a navigate event');
      const ready = await consoleEvents(page, 'org-console:ready');
      assert.equal(ready.length, 1);
      assert.deepEqual(ready[0].detail, { basePath: HOST.org });
      const [nav] = await consoleEvents(page, 'org-console:navigate');
      assert.deepEqual(nav.detail, { path: '/organisation/overview', url: HOST.overview, title: 'Overview' });
      assert.ok((await consoleEvents(page)).every((e) => e.bubbles && e.composed), 'events bubble and are composed');
      assert.equal(await breadcrumbCurrent(page).innerText(), 'Overview');
      assert.equal(await page.title(), 'Overview · Organisation · ACME Partner Portal');
      assert.equal(await hostSidebar(page).getByRole('link', { name: 'Organisation' }).getAttribute('aria-current'), 'page');
      await expectNoAxeViolations(page, 'portal with the console (overview)');
      assert.deepEqual(page.problems, []);
    });
  });

  test('portal route -> console route -> portal route, then back and forward', async (t) => {
    await s.withPage(t, async (page) => {
      await recordConsoleEvents(page);
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      await markConsole(page, 'first');

      await page.getByRole('navigation', { name: 'Organisation sections' })
        .getByRole('link', { name: 'User Management' }).click();
      await usersTable(page).waitFor();
      assert.equal(new URL(page.url()).pathname, HOST.users);
      assert.equal(await consoleMark(page), 'first', 'a console link does not remount the console');
      await until(async () => (await breadcrumbCurrent(page).innerText()) === 'User Management', 'the breadcrumb');
      assert.equal(await page.title(), 'User Management · Organisation · ACME Partner Portal');

      await hostSidebar(page).getByRole('link', { name: 'Player' }).click();
      await page.getByRole('heading', { name: 'Player', level: 1 }).waitFor();
      assert.equal(path(page), HOST.player);
      assert.equal(await consoleElement(page).count(), 0, 'leaving the route unmounts the console');
      assert.equal(await page.locator('.oc-root').count(), 0);

      // Back: the console's User Management, mounted afresh.
      await page.goBack();
      await usersTable(page).waitFor();
      assert.equal(new URL(page.url()).pathname, HOST.users);
      assert.equal(await consoleMark(page), '', 'a new console element');
      await markConsole(page, 'second');

      // Back inside the console: the same console shows the Overview.
      await page.goBack();
      await page.getByRole('region', { name: 'API Access' }).waitFor();
      assert.equal(path(page), HOST.overview);
      assert.equal(await consoleMark(page), 'second', 'the portal leaves the console\'s own history to it');
      await orgHeading(page, org).waitFor();

      // Back to the portal's Streams.
      await page.goBack();
      await page.getByRole('heading', { name: 'Streams', level: 1 }).waitFor();
      assert.equal(path(page), HOST.streams);
      assert.equal(await consoleElement(page).count(), 0);

      // And forward again through all of it.
      await page.goForward();
      await page.getByRole('region', { name: 'API Access' }).waitFor();
      assert.equal(path(page), HOST.overview);
      await markConsole(page, 'third');
      await page.goForward();
      await usersTable(page).waitFor();
      assert.equal(new URL(page.url()).pathname, HOST.users);
      assert.equal(await consoleMark(page), 'third');
      await page.goForward();
      await page.getByRole('heading', { name: 'Player', level: 1 }).waitFor();
      assert.equal(await consoleElement(page).count(), 0);

      assert.equal(await page.getByLabel('Password').count(), 0, 'never a login page on the way');
      assert.equal((await consoleEvents(page, 'org-console:unauthorized')).length, 0);
      assert.deepEqual(page.problems, []);
    });
  });

  test('a refused token is asked for again: with a fresh one the request succeeds', async (t) => {
    await s.withPage(t, async (page) => {
      await recordConsoleEvents(page);
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      // The Overview's own requests done (its code arrives after the frame's heading):
      // only the requests of User Management below meet the revoked token.
      await page.waitForLoadState('networkidle');

      // The portal's session is revoked behind its back; when the console is refused,
      // the portal has a fresh token by the time the console asks again.
      const old = await hostToken(page);
      await api(server, 'POST', '/user/logout', { token: old });
      const fresh = (await apiLogin(server, DEMO.admin, DEMO.password)).token;
      const seen = [];
      await page.route('**/api/**', async (route) => {
        const response = await route.fetch();
        const sent = route.request().headers()['x-bintu-token'];
        seen.push({ status: response.status(), token: sent === fresh ? 'fresh' : sent === old ? 'old' : 'other' });
        if (response.status() === 401) await setHostToken(page, fresh);
        await route.fulfill({ response });
      });

      await page.getByRole('navigation', { name: 'Organisation sections' })
        .getByRole('link', { name: 'User Management' }).click();
      await usersTable(page).locator('tbody tr').first().waitFor();

      assert.ok(seen.some((r) => r.status === 401 && r.token === 'old'), `a request was refused: ${JSON.stringify(seen)}`);
      assert.ok(seen.some((r) => r.status === 200 && r.token === 'fresh'), `and repeated with the fresh token: ${JSON.stringify(seen)}`);
      assert.ok(seen.every((r) => r.status !== 401 || r.token === 'old'), 'the fresh token is never refused');
      await page.waitForTimeout(300);
      assert.equal((await consoleEvents(page, 'org-console:unauthorized')).length, 0, 'no unauthorized event');
      assert.equal(await page.getByText('Your session has ended').count(), 0);
      assert.equal(await hostNotices(page).locator('.host-notice').count(), 0);
    });
  });

  test('refused twice: unauthorized fires once, the page and what was typed stay', async (t) => {
    await s.withPage(t, async (page) => {
      await recordConsoleEvents(page);
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      await page.getByRole('navigation', { name: 'Organisation sections' })
        .getByRole('link', { name: 'User Management' }).click();
      await usersTable(page).locator('tbody tr').first().waitFor();

      // Revoked, and the portal has nothing newer: getToken gives the same token again.
      await api(server, 'POST', '/user/logout', { token: await hostToken(page) });
      const search = page.getByLabel('Search by email');
      await search.fill('demo.local');

      const consoleNotice = consoleElement(page).getByRole('alert').filter({ hasText: 'Your session has ended' });
      await consoleNotice.waitFor();
      await until(async () => (await consoleEvents(page, 'org-console:unauthorized')).length === 1, 'one unauthorized event');
      await page.waitForTimeout(1000);
      const unauthorized = await consoleEvents(page, 'org-console:unauthorized');
      assert.equal(unauthorized.length, 1, 'fired once');
      assert.deepEqual(unauthorized[0].detail, {});
      assert.equal(await search.inputValue(), 'demo.local', 'the typed text stays');
      assert.equal(new URL(page.url()).pathname, HOST.users, 'the page stays');
      assert.equal(await page.getByLabel('Password').count(), 0, 'no console login page');

      // The portal's own banner, with a way back to its login.
      const banner = hostNotices(page).locator('.host-notice').filter({ hasText: 'Your session has ended.' });
      await banner.waitFor();
      assert.match(await banner.getByRole('link', { name: 'Log in again' }).getAttribute('href'),
        /^\/embed\/login\?next=%2Fembed%2Forg%2Forganisation%2Fusers/);
      await expectNoAxeViolations(page, 'session ended (portal and console)');

      // A fresh token and the console's own retry: the same page carries on.
      await setHostToken(page, (await apiLogin(server, DEMO.admin, DEMO.password)).token);
      await consoleNotice.getByRole('button', { name: /try again|retry/i }).click();
      await consoleNotice.waitFor({ state: 'detached' });
      await until(async () => (await usersTable(page).locator('tbody tr').count()) > 0, 'the list again');
      assert.equal(await search.inputValue(), 'demo.local');
      assert.equal((await consoleEvents(page, 'org-console:unauthorized')).length, 1);

      // The banner's link: the portal's login, and back to where the user was.
      await banner.getByRole('link', { name: 'Log in again' }).click();
      await page.getByRole('heading', { name: 'Log in to the partner portal' }).waitFor();
      assert.equal(await consoleElement(page).count(), 0);
      await page.getByLabel('Email').fill(DEMO.admin);
      await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await usersTable(page).waitFor();
      assert.equal(new URL(page.url()).pathname, HOST.users);
    });
  });

  test('a getToken that gives no token: org-console:error (authentication), and the portal says so', async (t) => {
    await s.withPage(t, async (page) => {
      await recordConsoleEvents(page);
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      // A portal bug, simulated: its storage loses the token while the console is mounted.
      await page.evaluate((key) => sessionStorage.removeItem(key), HOST_TOKEN_KEY);
      await page.getByRole('navigation', { name: 'Organisation sections' })
        .getByRole('link', { name: 'User Management' }).click();
      await until(async () => (await consoleEvents(page, 'org-console:error')).length > 0, 'an error event');
      const [error] = await consoleEvents(page, 'org-console:error');
      assert.equal(error.detail.type, 'authentication');
      assert.equal(typeof error.detail.message, 'string');
      await hostNotices(page).getByRole('alert').filter({ hasText: 'The organisation console reported a problem (authentication)' }).waitFor();
    });
  });

  test('a trap in the console\'s wasm: org-console:error (render); other errors are not the console\'s', async (t) => {
    await s.withPage(t, async (page) => {
      await recordConsoleEvents(page);
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      // An error of the host's own first: no event.
      await page.evaluate(() => setTimeout(() => { throw new Error('the portal\'s own bug'); }));
      // Then a real trap in the console's main module.
      await page.evaluate(PROVOKE_TRAP);
      await until(async () => (await consoleEvents(page, 'org-console:error')).length > 0, 'an error event');
      const errors = await consoleEvents(page, 'org-console:error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.equal(errors[0].detail.type, 'render');
      assert.match(errors[0].detail.message, /^the console stopped: /);
      assert.ok(errors[0].bubbles && errors[0].composed);
      await hostNotices(page).getByRole('alert').filter({ hasText: 'The organisation console reported a problem (render)' }).waitFor();
    });
  });

  test('logging out in the portal unmounts the console; the console\'s Log out logs the portal out', async (t) => {
    await s.withPage(t, async (page) => {
      await recordConsoleEvents(page);
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      const first = await hostToken(page);

      await hostHeader(page).getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Log in to the partner portal' }).waitFor();
      assert.equal(new URL(page.url()).pathname, HOST.login);
      assert.equal(await consoleElement(page).count(), 0, 'the console is unmounted');
      assert.equal(await page.locator('.oc-root, link[rel="stylesheet"][href*="org-console"]').count(), 0, 'nothing of it is left');
      assert.equal(await hostToken(page), null);
      await until(async () => {
        try {
          await api(server, 'GET', '/user/me', { token: first });
          return false;
        } catch (err) {
          return err.status === 401;
        }
      }, 'the portal\'s token revoked');

      // The console's own Log out: the console tells the portal, which logs out.
      await page.getByLabel('Email').fill(DEMO.admin);
      await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Streams', level: 1 }).waitFor();
      await openOrganisation(page, org);
      const second = await hostToken(page);
      await consoleElement(page).getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Log in to the partner portal' }).waitFor();
      assert.equal((await consoleEvents(page, 'org-console:logout')).length, 1);
      assert.equal(await consoleElement(page).count(), 0);
      assert.equal(await hostToken(page), null);
      await until(async () => {
        try {
          await api(server, 'GET', '/user/me', { token: second });
          return false;
        } catch (err) {
          return err.status === 401;
        }
      }, 'the token revoked by the portal');
      assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), HOST_TOKEN_KEY), null);
    });
  });

  test('portal links: under the base path they go to the console, outside it to the portal', async (t) => {
    await s.withPage(t, async (page) => {
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      await page.getByRole('navigation', { name: 'Organisation sections' })
        .getByRole('link', { name: 'User Management' }).click();
      await usersTable(page).waitFor();
      await markConsole(page, 'kept');
      await page.evaluate(() => { window.__sameDocument = true; });

      // The breadcrumb's Organisation link is under the base path: the portal hands it
      // to the console (navigate()), no reload, no remount.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Organisation' }).click();
      await page.getByRole('region', { name: 'API Access' }).waitFor();
      assert.equal(new URL(page.url()).pathname, HOST.overview);
      assert.equal(await consoleMark(page), 'kept');

      // The sidebar's Streams link is the portal's: its router takes it (one history
      // entry, same document) and the console leaves.
      const before = await page.evaluate(() => history.length);
      await hostSidebar(page).getByRole('link', { name: 'Streams' }).click();
      await page.getByRole('heading', { name: 'Streams', level: 1 }).waitFor();
      assert.equal(new URL(page.url()).pathname, HOST.streams);
      assert.equal(await page.evaluate(() => history.length), before + 1, 'one history entry, not two');
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
      assert.equal(await consoleElement(page).count(), 0);

      // A plain link of the portal that no router of the portal handles, outside the
      // console's base path, while the console is mounted: the console's router
      // (listening on the whole window) must leave it to the browser.
      await page.goBack();
      await orgHeading(page, org).waitFor();
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('.host-footer').evaluate((footer) => {
        const a = document.createElement('a');
        a.href = '/embed/player';
        a.textContent = 'Player, as a plain link';
        footer.append(a);
      });
      await page.getByRole('link', { name: 'Player, as a plain link' }).click();
      await page.waitForURL((u) => u.pathname === HOST.player);
      await page.getByRole('heading', { name: 'Player', level: 1 }).waitFor();
      assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'the browser loaded the page');

      // The footer's link to the standalone console, likewise.
      await page.locator('.host-footer').getByRole('link', { name: 'Open the standalone console' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/embed'));
      assert.equal(await page.locator('.host-header').count(), 0, 'the standalone console, not the portal');
    });
  });
});

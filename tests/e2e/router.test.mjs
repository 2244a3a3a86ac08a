// The console's router (src/router.rs): tabs change the page inside a frame that
// stays, `/` leads to the Overview without a history entry of its own, and a link
// opened in a new tab is the browser's.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { suite } from './support/fixture.mjs';

const OVERVIEW = '/organisation/overview';
const LIST = '/organisation/users';

describe('router', () => {
  const s = suite();

  test('a tab shows its page inside the same frame, and Back shows the last one', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, OVERVIEW);
      const tabs = page.getByRole('navigation', { name: 'Organisation sections' });
      const header = page.getByRole('region', { name: 'Organisation summary' });
      await header.evaluate((el) => { el.dataset.probe = 'kept'; });
      assert.equal(await tabs.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), 'page');

      await tabs.getByRole('link', { name: 'User Management' }).click();
      await page.waitForURL((u) => u.pathname === LIST);
      await page.getByRole('table', { name: 'Users' }).waitFor();
      assert.equal(await header.getAttribute('data-probe'), 'kept', 'the frame was not built again');
      assert.equal(await tabs.getByRole('link', { name: 'User Management' }).getAttribute('aria-current'), 'page');
      assert.equal(await tabs.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), null);

      await page.goBack();
      await page.waitForURL((u) => u.pathname === OVERVIEW);
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.equal(await header.getAttribute('data-probe'), 'kept');
    });
  });

  test('/ leads to the Overview in place of its own history entry', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, LIST);
      await page.getByRole('table', { name: 'Users' }).waitFor();
      await page.goto(new URL('/', s.server.baseUrl).href);
      await page.waitForURL((u) => u.pathname === OVERVIEW);
      await page.goBack();
      await page.waitForURL((u) => u.pathname === LIST, { timeout: 5_000 });
      await page.getByRole('table', { name: 'Users' }).waitFor();
    });
  });

  test('a Ctrl-click opens the link in a new tab and leaves this page as it is', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, OVERVIEW);
      const tab = page.getByRole('navigation', { name: 'Organisation sections' }).getByRole('link', { name: 'User Management' });
      const [opened] = await Promise.all([
        page.context().waitForEvent('page'),
        tab.click({ modifiers: ['Control'] }),
      ]);
      await opened.waitForLoadState('domcontentloaded');
      // Where the new tab was opened: its console may move on from there (the new tab
      // has no session of this one's and goes to the login page).
      const openedAt = await opened.evaluate(() => new URL(performance.getEntriesByType('navigation')[0].name).pathname);
      assert.equal(openedAt, LIST);
      assert.equal(new URL(page.url()).pathname, OVERVIEW, 'this page stayed');
      await opened.close();
    });
  });
});

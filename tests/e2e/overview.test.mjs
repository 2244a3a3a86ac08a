// The Overview tab: packages, API access (masked, reveal, copy), webhook, VOD switch,
// tags; what each role may see and change; the mobile drawer; session expiry; the
// embedded console on a hostile host page.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, advanceClock } from './support/server.mjs';
import { VIEWPORTS, expectFocused, expectNoAxeViolations, login, openApp } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';

describe('overview', () => {
  const s = suite(); // test hooks are on: advanceClock works
  const { loginAs } = s;
  let server;
  let org;

  before(() => {
    ({ server, org } = s);
  });

  test('every package shows Enabled or Upgrade needed in text', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin);
      const section = page.getByRole('region', { name: 'Enabled Packages' });
      await section.waitFor();
      const all = [...org.packages, ...org.packages.flatMap((p) => p.features)];
      for (const p of all) {
        const item = section.getByRole('listitem').filter({ hasText: p.name }).first();
        const text = await item.innerText();
        assert.match(text, p.enabled ? /Enabled/ : /Upgrade needed/, `${p.name}: ${text}`);
      }
      await expectNoAxeViolations(page, 'overview (admin)');
    });
  });

  test('the admin sees three masked secrets, copies without revealing, reveals', async (t) => {
    await s.withPage(t, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
      await loginAs(page, DEMO.admin);
      const access = page.getByRole('region', { name: 'API Access' });
      for (const name of ['Bintu Token', 'API Key', 'Player Key']) {
        await access.getByRole('group', { name }).waitFor();
      }
      assert.equal(await access.getByText(org.apiKey).count(), 0, 'the API key must be masked');
      assert.match(await access.innerText(), /Security Disclaimer/);

      await page.getByRole('button', { name: 'Copy API Key' }).click();
      await page.getByRole('status').filter({ hasText: /API Key copied/ }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), org.apiKey);
      assert.equal(await access.getByText(org.apiKey).count(), 0, 'copying must not reveal');

      await page.getByRole('button', { name: 'Reveal API Key' }).click();
      await access.getByText(org.apiKey).waitFor();
      await page.getByRole('button', { name: 'Hide API Key' }).click();
      assert.equal(await access.getByText(org.apiKey).count(), 0);
    });
  });

  test('a revealed secret hides itself again after 20 seconds', async (t) => {
    await s.withPage(t, async (page) => {
      await page.clock.install();
      await loginAs(page, DEMO.admin);
      await page.getByRole('button', { name: 'Reveal Player Key' }).click();
      await page.getByText(org.playerKey).waitFor();
      await page.clock.runFor(21_000);
      await page.getByText(org.playerKey).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Reveal Player Key' }).waitFor();
    });
  });

  test('the webhook is validated before sending and saved', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin);
      const field = page.getByLabel('Webhook URL');
      let puts = 0;
      page.on('request', (r) => { if (r.method() === 'PUT' && r.url().endsWith('/organisation/webhook')) puts++; });

      await field.fill('http://example.com/hook');
      await page.getByRole('button', { name: 'Save webhook' }).click();
      await page.getByRole('alert').filter({ hasText: /https/ }).waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.equal(puts, 0, 'an invalid URL must not be sent');
      assert.equal(await field.inputValue(), 'http://example.com/hook', 'the edit is kept');

      await field.fill('https://hooks.example.com/streams');
      await page.getByRole('button', { name: 'Save webhook' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      assert.equal(puts, 1);
      assert.equal((await s.api('GET', '/organisation')).webhook, 'https://hooks.example.com/streams');
    });
  });

  test('a refused webhook keeps the edit and shows the server message', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin);
      await page.route('**/api/organisation/webhook', (route) => route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message: 'The webhook host is blocked.', code: 1005, userinfo: {} } }),
      }));
      await page.getByLabel('Webhook URL').fill('https://blocked.example.com/x');
      await page.getByRole('button', { name: 'Save webhook' }).click();
      await page.getByRole('alert').filter({ hasText: 'The webhook host is blocked.' }).waitFor();
      assert.equal(await page.getByLabel('Webhook URL').inputValue(), 'https://blocked.example.com/x');
    });
  });

  test('VOD: Escape cancels, confirm makes public, a failed save reverts', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin);
      const sw = page.getByRole('switch', { name: 'Public VOD access' });
      assert.equal(await sw.getAttribute('aria-checked'), 'false');

      await sw.click();
      const dialog = page.getByRole('dialog', { name: 'Make VOD content public?' });
      await dialog.waitFor();
      await expectNoAxeViolations(page, 'VOD confirm dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await sw.getAttribute('aria-checked'), 'false');
      await expectFocused(sw, 'focus returns to the switch');

      await sw.click();
      await dialog.getByRole('button', { name: 'Make public' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await sw.getAttribute('aria-checked'), 'true');
      assert.equal((await s.api('GET', '/organisation/vod')).public, true);

      await sw.click(); // back to private, no confirmation needed
      await page.getByRole('status').filter({ hasText: 'requires authentication' }).waitFor();
      assert.equal(await sw.getAttribute('aria-checked'), 'false');

      await page.route('**/api/organisation/vod', (route) => route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message: 'boom', code: 5000, userinfo: {} } }),
      }));
      await sw.click();
      await dialog.getByRole('button', { name: 'Make public' }).click();
      await dialog.getByRole('alert').filter({ hasText: /Not saved/ }).waitFor();
      assert.ok(await dialog.isVisible(), 'the dialog stays open on failure');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      assert.equal(await sw.getAttribute('aria-checked'), 'false', 'the switch reverts');
    });
  });

  test('tags: filter (debounced), empty state and pager', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin);
      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByRole('list', { name: 'Tags' }).waitFor();
      await tags.getByRole('button', { name: 'Next page' }).click();
      await tags.getByText(/Page 2 of/).waitFor();
      await tags.getByLabel('Filter tags').fill('no-such-tag-xyz');
      await tags.getByText(/No tags match/).waitFor();
      await tags.getByLabel('Filter tags').fill('');
      await tags.getByText(/Page 1 of/).waitFor();
    });
  });

  test('read-only: no API key, read-only webhook and VOD with reasons, no User Management', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.readonly);
      await page.getByRole('group', { name: 'Player Key' }).waitFor();
      assert.equal(await page.getByRole('group', { name: 'API Key' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'User Management' }).count(), 0);
      assert.notEqual(await page.getByLabel('Webhook URL').getAttribute('readonly'), null);
      assert.equal(await page.getByRole('button', { name: 'Save webhook' }).count(), 0);
      await page.getByText('Only admins can change the webhook').waitFor();
      assert.ok(await page.getByRole('switch', { name: 'Public VOD access' }).isDisabled());
      await page.getByRole('button', { name: 'Account menu' }).click();
      assert.equal(await page.getByRole('menuitem', { name: 'Invite New User' }).count(), 0);
      await expectNoAxeViolations(page, 'overview (read-only)');
    });
  });

  test('profile menu: keyboard operable, Escape returns focus, Invite opens the users page', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin);
      const button = page.getByRole('button', { name: 'Account menu' });
      await button.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menu').waitFor();
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Invite New User');
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
      assert.ok(await button.evaluate((el) => el === document.activeElement));
      await button.click();
      await page.getByRole('menuitem', { name: 'Invite New User' }).click();
      await page.waitForURL(/\/organisation\/users\?invite=1$/);
    });
  });

  test('mobile: the drawer has the Account section and closes on Escape', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), VIEWPORTS.mobile.width,
        'no horizontal scrolling');
      const open = page.getByRole('button', { name: 'Open menu' });
      await open.click();
      const drawer = page.getByRole('dialog', { name: 'Account' });
      await drawer.waitFor();
      await drawer.getByRole('link', { name: 'My Organisation' }).waitFor();
      await drawer.getByRole('button', { name: 'Log out' }).waitFor();
      await expectNoAxeViolations(page, 'mobile drawer');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      await expectFocused(open, 'focus returns to the menu button');
      await open.click();
      await drawer.getByRole('button', { name: 'Log out' }).click();
      await page.getByLabel('Email').waitFor();
    }, { viewport: VIEWPORTS.mobile });
  });

  test('an expired session sends the user to log in and back to where they were', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.admin, '/organisation/overview');
      // The tags' first page in before the clock moves: the next request is the one
      // that meets the expired session.
      const nextTags = page.getByRole('region', { name: 'Tags' }).getByRole('button', { name: 'Next page' });
      await nextTags.waitFor();
      await advanceClock(server, 9 * 3600);
      await nextTags.click();
      await page.getByText('Your session has expired').waitFor();
      await login(page, DEMO.admin, DEMO.password);
      await page.getByRole('heading', { name: org.name, level: 1 }).waitFor();
      assert.match(page.url(), /\/organisation\/overview$/);
      assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
    });
  });

  test('embedded in a hostile host page, the console keeps its own styles', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, server.baseUrl, '/embed/org/organisation/overview');
      await login(page, DEMO.admin, DEMO.password);
      await page.getByRole('heading', { name: org.name, level: 1 }).waitFor();
      assert.match(page.url(), /\/embed\/org\/organisation\/overview$/);
      const style = await page.getByRole('button', { name: 'Save webhook' }).evaluate((el) => {
        const s = getComputedStyle(el);
        return { font: s.fontFamily, bg: s.backgroundColor };
      });
      assert.doesNotMatch(style.font, /Georgia|Times/);
      assert.notEqual(style.bg, 'rgb(179, 38, 30)'); // host.css's button
      assert.ok(await page.locator('.host-header').isVisible(), 'the host page stays');
      await expectNoAxeViolations(page, 'embedded console', { include: 'org-console' });
    });
  });
});

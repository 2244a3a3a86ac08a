// The Activity tab: the demo's own past on a first start; a role change made in the UI shows with from and to, on the tab
// and on the user's page; the kind and user filters live in the URL (reload keeps
// them), and the user filter's lookup comes with its first submit; roles without
// Activity:List see no tab and get 403 from the API; axe on every state, also at
// 375x812.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, api, apiLogin } from './support/server.mjs';
import { expectNoAxeViolations } from './support/browser.mjs';
import { LIST, suite } from './support/fixture.mjs';

const ACTIVITY = '/organisation/activity';
const PHONE = { width: 375, height: 812 };
const entries = (page) => page.locator('ol.oc-activity > li');

describe('activity log', () => {
  const s = suite();

  test('a first start already has a story: the demo\'s invitations, role changes and a token reset', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, ACTIVITY);
      await entries(page).first().waitFor();
      const text = await page.locator('ol.oc-activity').innerText();
      for (const part of [
        /lena\.fischer@demo-streaming\.de changed the role of tom\.zimmermann@demo-streaming\.de/,
        /reset the token of clara\.braun@demo-streaming\.de/,
        /sarah\.okafor@insights\.example/,
        /Invitation revoked|revoked/i,
      ]) assert.match(text, part);
      // Spread over past weeks, newest first.
      const times = await entries(page).locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      assert.ok(times.length >= 8);
      assert.deepEqual([...times].sort().reverse(), times);
      assert.ok(Date.parse(times.at(-1)) < Date.now() - 30 * 86400_000, `oldest ${times.at(-1)}`);
    });
  });

  test('a role change made in the UI is listed with from and to, newest first', async (t) => {
    const user = await s.findUser('jonas.becker@demo-streaming.de');
    const roles = await s.roles();
    const name = (r) => roles.find((x) => x.name === r).displayName;
    const to = user.role === 'nanoReadOnly' ? 'nanoUser' : 'nanoReadOnly';
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, `${LIST}/${user.id}`);
      const recent = page.getByRole('region', { name: 'Recent activity' });
      await recent.getByText('No activity yet.').waitFor();
      await expectNoAxeViolations(page, 'user page, no activity');

      await page.getByRole('button', { name: 'Update Permission', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Update permission' });
      await dialog.getByLabel('New permission level').selectOption(to);
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const sentence = `${DEMO.admin} changed the role of ${user.email} from ${name(user.role)} to ${name(to)}`;
      await recent.getByText(sentence).waitFor();

      await page.getByRole('link', { name: 'Activity', exact: true }).click();
      await page.waitForURL((u) => u.pathname === ACTIVITY);
      const first = entries(page).first();
      await first.getByText(sentence).waitFor();
      assert.equal((await first.locator('.oc-activity__text').innerText()).trim(), sentence);
      assert.match(await first.innerText(), /Role changed/);
      assert.match(await first.locator('time').innerText(), /UTC$/);
      await page.getByText('Changes made in this organisation, newest first').waitFor();
      await expectNoAxeViolations(page, 'activity tab');
    });
  });

  test('kind and user filters are in the URL and survive a reload', async (t) => {
    await s.api('PUT', '/organisation/vod', { body: { public: true } });
    await s.api('PUT', '/organisation/vod', { body: { public: false } });
    const victim = await s.findUser('paul.klein@demo-streaming.de');
    await s.api('PUT', '/user/tokenkey', { body: { userId: victim.id } });
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, ACTIVITY);
      await entries(page).first().waitFor();
      const kind = page.getByLabel('Kind of change');
      await kind.selectOption('vod_changed');
      await page.waitForURL((u) => u.searchParams.get('kind') === 'vod_changed');
      await page.waitForFunction(() => [...document.querySelectorAll('ol.oc-activity > li')]
        .every((li) => li.textContent.includes('VOD access changed')));
      assert.equal(await entries(page).count(), 2);
      assert.match(await entries(page).first().innerText(), /changed VOD access from public to private/);

      await kind.selectOption('token_key_reset');
      await page.waitForURL((u) => u.searchParams.get('kind') === 'token_key_reset');
      await page.getByRole('link', { name: victim.email, exact: true }).first().click();
      await page.waitForURL((u) => u.searchParams.get('user') === String(victim.id));
      await page.getByText(`Only the activity of ${victim.email}`).waitFor();

      await page.reload();
      await page.getByText(`Only the activity of ${victim.email}`).waitFor();
      assert.equal(await page.getByLabel('Kind of change').inputValue(), 'token_key_reset');
      await page.waitForFunction(() => document.querySelectorAll('ol.oc-activity > li').length === 1);
      assert.ok((await entries(page).first().innerText()).includes(`reset the token of ${victim.email}`));
      await expectNoAxeViolations(page, 'activity tab, filtered');

      await kind.selectOption('user_deleted');
      await page.getByText('No activity matches these filters.').waitFor();
      await expectNoAxeViolations(page, 'activity tab, nothing matches');
      await page.getByRole('link', { name: 'Show all activity' }).click();
      await page.waitForURL((u) => u.pathname === ACTIVITY && u.search === '');
      await entries(page).first().waitFor();
    });
  });

  test('the user filter takes an email; an unknown one is told, not applied', async (t) => {
    const who = await s.findUser('hannah.wolf@demo-streaming.de');
    await s.api('PUT', '/user/tokenkey', { body: { userId: who.id } });
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, ACTIVITY);
      await entries(page).first().waitFor();
      const filter = page.getByRole('search', { name: 'Activity of one user' });
      await filter.getByLabel('User').fill('nobody@nowhere.example');
      await filter.getByRole('button', { name: 'Filter' }).click();
      await filter.getByText('No user has the email nobody@nowhere.example.').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('user'), null);
      await expectNoAxeViolations(page, 'activity user filter, unknown email');

      // The search matches parts of emails; the filter takes the exact one, any case.
      await filter.getByLabel('User').fill(` ${who.email.toUpperCase()} `);
      await filter.getByLabel('User').press('Enter');
      await page.waitForURL((u) => u.searchParams.get('user') === String(who.id));
      await page.getByText(`Only the activity of ${who.email}`).waitFor();
      await page.waitForFunction((email) => [...document.querySelectorAll('ol.oc-activity > li')]
        .every((li) => li.textContent.includes(email)), who.email);
      assert.ok((await entries(page).first().innerText()).includes(`reset the token of ${who.email}`));
    });
  });

  test('the lookup comes with the first submit; if it cannot load, the form says so and tries again', async (t) => {
    await s.withPage(t, async (page) => {
      let failing = true;
      const asked = [];
      await page.route(/\/split_user_lookup\.wasm$/, (route) => {
        asked.push(route.request().url());
        return failing ? route.abort('connectionfailed') : route.continue();
      });
      await s.loginAs(page, DEMO.admin, ACTIVITY);
      await entries(page).first().waitFor();
      const filter = page.getByRole('search', { name: 'Activity of one user' });
      await page.waitForTimeout(300);
      assert.equal(asked.length, 0, 'not fetched before the first submit');

      await filter.getByLabel('User').fill(DEMO.admin);
      await filter.getByRole('button', { name: 'Filter' }).click();
      await filter.getByText('This part of the console could not be loaded.').waitFor();
      assert.equal(new URL(page.url()).searchParams.get('user'), null);
      assert.equal(await filter.getByLabel('User').inputValue(), DEMO.admin, 'the email is kept');
      assert.ok(await filter.getByRole('button', { name: 'Filter' }).isEnabled());
      await expectNoAxeViolations(page, 'activity user filter, lookup not loaded');

      failing = false;
      await filter.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL((u) => u.searchParams.has('user'));
      await page.getByText(`Only the activity of ${DEMO.admin}`).waitFor();
    });
  });

  test('roles without Activity:List see no tab and are refused by the API', async (t) => {
    for (const email of [DEMO.user, DEMO.readonly]) {
      const { token } = await apiLogin(s.server, email, DEMO.password);
      await assert.rejects(api(s.server, 'GET', '/activity', { token }), (err) => err.status === 403);
    }
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.user, LIST);
      await page.getByRole('link', { name: 'User Management' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Activity', exact: true }).count(), 0);
      const someone = await s.findUser('jonas.becker@demo-streaming.de');
      await page.goto(`${s.server.baseUrl}${LIST}/${someone.id}`);
      await page.getByRole('heading', { name: someone.email, level: 2 }).waitFor();
      assert.equal(await page.getByRole('region', { name: 'Recent activity' }).count(), 0);
      await page.goto(`${s.server.baseUrl}${ACTIVITY}`);
      await page.getByRole('heading', { name: 'No access to the activity log' }).waitFor();
    });
  });

  test('on a 375x812 phone the tab and the log are usable and axe-clean', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, ACTIVITY);
      await entries(page).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
      await expectNoAxeViolations(page, 'activity tab at 375x812');
    }, { viewport: PHONE });
  });
});

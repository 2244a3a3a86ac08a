// What the user page's actions do to the user's own sessions: a reset token ends
// them (login, then back where they were), so does a changed role (as bintu does; the
// new rights count from the next login), and resetting your own token asks you to log
// in again.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, api, apiLogin } from './support/server.mjs';
import { expectNoAxeViolations, login, openApp } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';
import { LIST, userPageKit } from './support/users.mjs';

describe('user sessions', () => {
  const s = suite();
  const { userByEmail, userById, loginAt, openUser, facts, button } = userPageKit(s);

  test('Reset User Token ends the user\'s session; after logging in they return where they were', async (t) => {
    const user = await userByEmail(DEMO.user);
    await s.withPage(`${t.name} (member)`, async (member) => {
      await loginAt(member, DEMO.user, `${LIST}?role=analyst`);
      await member.getByRole('table', { name: 'Users' }).waitFor();

      await s.withPage(t, async (page) => {
        await openUser(page, user);
        assert.equal((await facts(page))['Token Key'], user.tokenKey);
        await button(page, 'Reset User Token').click();
        const dialog = page.getByRole('dialog', { name: 'Reset user token?' });
        await dialog.waitFor();
        await expectNoAxeViolations(page, 'reset token dialog');
        await dialog.getByRole('button', { name: 'Reset token' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('status').filter({ hasText: 'Token reset.' }).waitFor();
        const renewed = (await userById(user.id)).tokenKey;
        assert.notEqual(renewed, user.tokenKey);
        assert.equal((await facts(page))['Token Key'], renewed, 'the page shows the new key');
      });

      await member.getByRole('navigation', { name: 'Filter by role' }).getByRole('link', { name: /^Stream Manager/ }).click();
      await member.getByText('Your session has expired. Please log in again.').waitFor();
      assert.equal(new URL(member.url()).pathname, '/login');
      await login(member, DEMO.user, DEMO.password);
      await member.waitForURL((u) => u.pathname === LIST && u.searchParams.get('role') === 'streamManager');
      await member.getByRole('table', { name: 'Users' }).waitFor();
      await member.getByRole('link', { name: /^Stream Manager/, exact: false }).and(member.locator('[aria-current="true"]')).waitFor();
    });
  });


  test('a changed role ends the user\'s sessions; the new rights count from the next login', async (t) => {
    const user = await userByEmail(DEMO.user);
    const { token: memberToken } = await apiLogin(s.server, DEMO.user, DEMO.password);
    await s.withPage(`${t.name} (member)`, async (member) => {
      await loginAt(member, DEMO.user, '/organisation/overview');
      await member.getByRole('link', { name: 'User Management' }).waitFor();

      await s.withPage(t, async (page) => {
        await openUser(page, user);
        await button(page, 'Update Permission').click();
        const dialog = page.getByRole('dialog', { name: 'Update permission' });
        await dialog.getByText('All active bintu tokens of this user are invalidated immediately.').waitFor();
        await dialog.getByLabel('New permission level').selectOption('nanoReadOnly');
        await dialog.getByRole('button', { name: 'Confirm' }).click();
        await page.getByRole('status').filter({ hasText: 'Permission level changed.' }).waitFor();
        const renewed = (await userById(user.id)).tokenKey;
        assert.notEqual(renewed, user.tokenKey, 'the role change renewed the token key');
        assert.equal((await facts(page))['Token Key'], renewed);
      });

      await assert.rejects(api(s.server, 'GET', '/organisation', { token: memberToken }), (e) => e.status === 401,
        'the member\'s existing token ended with the role change');
      await member.reload();
      await login(member, DEMO.user, DEMO.password);
      await member.getByRole('heading', { name: s.org.name, level: 1 }).waitFor();
      await member.getByRole('link', { name: 'Overview' }).waitFor();
      assert.equal(await member.getByRole('link', { name: 'User Management' }).count(), 0);
      await openApp(member, s.server.baseUrl, LIST);
      await member.getByRole('heading', { name: 'No access to User Management' }).waitFor();
    });
    await s.api('PUT', '/user/permission', { body: { userId: user.id, role: 'nanoUser' } });
  });


  // Last: it ends the admin's own sessions.
  test('resetting the own token warns first, then asks to log in again', async (t) => {
    const me = await userByEmail(DEMO.admin);
    await s.withPage(t, async (page) => {
      await openUser(page, me);
      await button(page, 'Reset User Token').click();
      const dialog = page.getByRole('dialog', { name: 'Reset user token?' });
      await dialog.getByText('This includes your own session: you will have to log in again.').waitFor();
      await dialog.getByRole('button', { name: 'Reset token' }).click();
      await page.getByText('Your session has expired. Please log in again.').waitFor();
      await login(page, DEMO.admin, DEMO.password);
      await page.waitForURL((u) => u.pathname === `${LIST}/${me.id}`);
      await page.getByRole('heading', { name: me.email, level: 2 }).waitFor();
      const renewed = (await userById(me.id)).tokenKey;
      assert.notEqual(renewed, me.tokenKey);
      assert.equal((await facts(page))['Token Key'], renewed);
      assert.equal(page.problems.length, 0, page.problems.join('\n'));
    });
  });
});

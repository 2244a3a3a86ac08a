// The single-user page: its facts, the assigned role with the permission overview,
// Update Permission with the permission difference, Delete User, the self guard and
// an unknown id. (Dialog behaviour: user-dialogs; effects on sessions: user-sessions.)

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectFocused, expectNoAxeViolations, openApp } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';
import { LIST, formatUtc, userPageKit } from './support/users.mjs';

describe('user page', () => {
  const s = suite();
  const { roles, role, userByEmail, userById, loginAt, openUser, facts, button } = userPageKit(s);

  test('facts, the assigned role and its permission overview', async (t) => {
    const user = await userByEmail('tom.zimmermann@demo-streaming.de');
    const r = role(user.role);
    assert.equal(r.isDefault, false, 'a custom role');
    await s.withPage(t, async (page) => {
      await openUser(page, user);
      assert.deepEqual(await facts(page), {
        'Permission Level': r.displayName,
        Email: user.email,
        'User ID': String(user.id),
        'Created At (UTC)': formatUtc(user.created_at),
        'Token Key': user.tokenKey,
      });
      const assigned = page.getByRole('region', { name: 'Assigned role' });
      await assigned.getByText(r.description).first().waitFor();
      await assigned.getByText('Custom role').waitFor();
      assert.deepEqual(await assigned.getByRole('list', { name: 'Audiences' }).getByRole('listitem').allInnerTexts(), r.audiences);
      const details = assigned.locator('details');
      assert.equal((await details.locator('summary').innerText()).trim(), 'Permission Overview');
      assert.equal(await details.evaluate((d) => d.open), false, 'collapsed at first');
      assert.ok(!(await details.locator('code[title]').first().isVisible()));
      await details.locator('summary').click();
      assert.equal(await details.evaluate((d) => d.open), true);
      await details.getByText(`Permissions (${r.permissions.length})`).waitFor();
      const shown = await details.locator('code[title]').evaluateAll((els) => els.map((e) => e.title));
      assert.deepEqual(shown.sort(), [...r.permissions].sort());
      for (const name of ['Update Permission', 'Reset User Token', 'Delete User']) {
        assert.ok(await button(page, name).isEnabled(), `${name} enabled`);
      }
      await expectNoAxeViolations(page, 'user page');
    });
  });


  test('Update Permission shows what changes, Escape keeps the role, Confirm applies it', async (t) => {
    const user = await userByEmail('sophie.wagner@demo-streaming.de');
    const current = role(user.role);
    await s.withPage(t, async (page) => {
      await openUser(page, user);
      const open = button(page, 'Update Permission');
      const dialog = page.getByRole('dialog', { name: 'Update permission' });
      const select = dialog.getByLabel('New permission level');
      const confirm = dialog.getByRole('button', { name: 'Confirm' });
      await open.click();
      await dialog.waitFor();
      assert.equal(await select.inputValue(), current.name, 'starts at the current role');
      assert.ok(await confirm.isDisabled(), 'Confirm is disabled for the current role');
      await dialog.getByText('Changes take effect immediately').waitFor();
      await expectNoAxeViolations(page, 'update permission dialog');

      for (const next of roles.filter((r) => r.name !== current.name)) {
        await select.selectOption(next.name);
        const gained = next.permissions.filter((p) => !current.permissions.includes(p)).sort();
        const lost = current.permissions.filter((p) => !next.permissions.includes(p)).sort();
        await dialog.getByRole('heading', { name: `Changes from ${current.displayName} to ${next.displayName}` }).waitFor();
        for (const [title, cls, expected] of [['Permissions gained', 'gained', gained], ['Permissions lost', 'lost', lost]]) {
          const heading = dialog.getByRole('heading', { name: `${title} (${expected.length})`, exact: true });
          assert.equal(await heading.count(), expected.length ? 1 : 0, `${title} heading for ${next.name}`);
          const items = await dialog.locator(`.oc-diff--${cls} code`).allInnerTexts();
          assert.deepEqual(items.sort(), expected, `${title} for ${next.name}`);
        }
        assert.ok(await confirm.isEnabled(), `Confirm enabled for ${next.name}`);
      }
      await select.selectOption(current.name);
      assert.ok(await confirm.isDisabled(), 'disabled again for the current role');

      await select.selectOption('streamManager');
      await expectNoAxeViolations(page, 'update permission dialog with a difference');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal((await userById(user.id)).role, current.name, 'Escape changes nothing');
      assert.equal((await facts(page))['Permission Level'], current.displayName);

      await open.click();
      assert.equal(await select.inputValue(), current.name, 'every opening starts from the current role');
      await select.selectOption('analyst');
      await confirm.click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').filter({ hasText: 'Permission level changed.' }).waitFor();
      await expectFocused(open, 'focus is back on Update Permission');
      assert.equal((await userById(user.id)).role, 'analyst');
      assert.equal((await facts(page))['Permission Level'], 'Analyst');
      await page.getByRole('region', { name: 'Assigned role' }).getByText(role('analyst').description).first().waitFor();
    });
  });


  test('Delete User returns to the list the admin came from, and the user is gone', async (t) => {
    const user = await userByEmail('paul.klein@demo-streaming.de');
    await s.withPage(t, async (page) => {
      await loginAt(page, DEMO.admin, `${LIST}?role=nanoReadOnly`);
      await page.getByRole('link', { name: user.email, exact: true }).click();
      await page.getByRole('heading', { name: user.email, level: 2 }).waitFor();
      await button(page, 'Delete User').click();
      const dialog = page.getByRole('dialog', { name: 'Delete user?' });
      await dialog.waitFor();
      await expectNoAxeViolations(page, 'delete user dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal((await userById(user.id)).email, user.email, 'Cancel keeps the user');

      await button(page, 'Delete User').click();
      await dialog.getByRole('button', { name: 'Delete user' }).click();
      await page.waitForURL((u) => u.pathname === LIST && u.searchParams.get('role') === 'nanoReadOnly');
      await page.getByRole('status').filter({ hasText: `Deleted ${user.email}.` }).waitFor();
      const table = page.getByRole('table', { name: 'Users' });
      await table.locator('tbody tr').first().waitFor();
      assert.equal(await table.getByText(user.email).count(), 0);
      await assert.rejects(userById(user.id), (e) => e.status === 404);

      await openApp(page, s.server.baseUrl, `${LIST}/${user.id}`);
      await page.getByRole('heading', { name: 'User not found' }).waitFor();
    });
  });


  test('the admin\'s own page disables Delete and Update Permission and says why', async (t) => {
    const me = await userByEmail(DEMO.admin);
    await s.withPage(t, async (page) => {
      await openUser(page, me);
      await page.getByText('This is you.').waitFor();
      const del = button(page, 'Delete User');
      const update = button(page, 'Update Permission');
      assert.ok(await del.isDisabled());
      assert.ok(await update.isDisabled());
      assert.ok(await button(page, 'Reset User Token').isEnabled());
      await page.getByText(/^You cannot delete your own account/).waitFor();
      await page.getByText(/^You cannot change your own permission level/).waitFor();
      assert.match(await del.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby'))?.textContent ?? ''),
        /You cannot delete your own account/, 'the reason describes the button');
      await expectNoAxeViolations(page, 'own user page');
    });
  });


  test('an unknown or malformed id says User not found', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAt(page, DEMO.admin, `${LIST}/999999`);
      await page.getByRole('heading', { name: 'User not found' }).waitFor();
      await expectNoAxeViolations(page, 'user not found');
      await openApp(page, s.server.baseUrl, `${LIST}/not-a-number`);
      await page.getByRole('heading', { name: 'User not found' }).waitFor();
      await page.getByRole('link', { name: '← All users' }).click();
      await page.waitForURL((u) => u.pathname === LIST);
      await page.getByRole('table', { name: 'Users' }).waitFor();
    });
  });

});

// The single-user page: facts, the assigned role, Update Permission (with the
// permission difference), Reset User Token and Delete User, their effect on the
// user's own session, the self guard, and how the dialogs behave (focus, double
// clicks, server failures).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, api, apiLogin, startServer } from './support/server.mjs';
import { expectNoAxeViolations, launchBrowser, login, openApp, withPage } from './support/browser.mjs';

const LIST = '/organisation/users';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FAILURE = { error: { message: 'boom', code: 5000, userinfo: '' } };

/** `2025-11-22T23:05:09Z` as the console shows it: `22 Nov 2025, 23:05 UTC`. */
function formatUtc(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

const isFocusedIn = (locator) => locator.evaluate((el) => el.contains(document.activeElement));
const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);

describe('user page', () => {
  let server;
  let browser;
  let org;
  let roles;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const token = await adminToken();
    org = await api(server, 'GET', '/organisation', { token });
    roles = (await api(server, 'GET', '/permission/list', { token })).roles;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // A fresh token each time: the last test resets the admin's own token.
  async function adminToken() {
    return (await apiLogin(server, DEMO.admin, DEMO.password)).token;
  }
  async function userByEmail(email) {
    const { items } = await api(server, 'GET', `/user?q=${encodeURIComponent(email)}`, { token: await adminToken() });
    const user = items.find((u) => u.email === email);
    assert.ok(user, `${email} exists`);
    return user;
  }
  async function userById(id) {
    return api(server, 'GET', `/user/${id}`, { token: await adminToken() });
  }
  const role = (name) => roles.find((r) => r.name === name);

  async function loginAt(page, email, path) {
    await openApp(page, server.baseUrl, path);
    await login(page, email, DEMO.password);
    await page.getByRole('heading', { name: org.name, level: 1 }).waitFor();
  }
  async function openUser(page, user) {
    await loginAt(page, DEMO.admin, `${LIST}/${user.id}`);
    await page.getByRole('heading', { name: user.email, level: 2 }).waitFor();
  }
  const facts = (page) => page.locator('dl.oc-facts').evaluate((dl) => Object.fromEntries(
    [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])));
  const button = (page, name) => page.getByRole('button', { name, exact: true });

  test('facts, the assigned role and its permission overview', async (t) => {
    const user = await userByEmail('tom.zimmermann@demo-streaming.de');
    const r = role(user.role);
    assert.equal(r.isDefault, false, 'a custom role');
    await withPage(browser, t, async (page) => {
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
    await withPage(browser, t, async (page) => {
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
      assert.ok(await isFocused(open), 'focus is back on Update Permission');
      assert.equal((await userById(user.id)).role, 'analyst');
      assert.equal((await facts(page))['Permission Level'], 'Analyst');
      await page.getByRole('region', { name: 'Assigned role' }).getByText(role('analyst').description).first().waitFor();
    });
  });

  test('Reset User Token ends the user\'s session; after logging in they return where they were', async (t) => {
    const user = await userByEmail(DEMO.user);
    await withPage(browser, `${t.name} (member)`, async (member) => {
      await loginAt(member, DEMO.user, `${LIST}?role=analyst`);
      await member.getByRole('table', { name: 'Users' }).waitFor();

      await withPage(browser, t, async (page) => {
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

  test('a changed role counts from the user\'s next request', async (t) => {
    const user = await userByEmail(DEMO.user);
    const { token: memberToken } = await apiLogin(server, DEMO.user, DEMO.password);
    await withPage(browser, `${t.name} (member)`, async (member) => {
      await loginAt(member, DEMO.user, '/organisation/overview');
      await member.getByRole('link', { name: 'User Management' }).waitFor();

      await withPage(browser, t, async (page) => {
        await openUser(page, user);
        await button(page, 'Update Permission').click();
        const dialog = page.getByRole('dialog', { name: 'Update permission' });
        await dialog.getByLabel('New permission level').selectOption('nanoReadOnly');
        await dialog.getByRole('button', { name: 'Confirm' }).click();
        await page.getByRole('status').filter({ hasText: 'Permission level changed.' }).waitFor();
      });

      await assert.rejects(api(server, 'GET', '/user', { token: memberToken }), (e) => e.status === 403,
        'the member\'s existing token lost User:List');
      await member.reload();
      await member.getByRole('heading', { name: org.name, level: 1 }).waitFor();
      await member.getByRole('link', { name: 'Overview' }).waitFor();
      assert.equal(await member.getByRole('link', { name: 'User Management' }).count(), 0);
      await openApp(member, server.baseUrl, LIST);
      await member.getByRole('heading', { name: 'No access to User Management' }).waitFor();
    });
    await api(server, 'PUT', '/user/permission', { token: await adminToken(), body: { userId: user.id, role: 'nanoUser' } });
  });

  test('Delete User returns to the list the admin came from, and the user is gone', async (t) => {
    const user = await userByEmail('paul.klein@demo-streaming.de');
    await withPage(browser, t, async (page) => {
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

      await openApp(page, server.baseUrl, `${LIST}/${user.id}`);
      await page.getByRole('heading', { name: 'User not found' }).waitFor();
    });
  });

  test('the admin\'s own page disables Delete and Update Permission and says why', async (t) => {
    const me = await userByEmail(DEMO.admin);
    await withPage(browser, t, async (page) => {
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

  test('dialogs take focus and give it back to the button that opened them', async (t) => {
    const user = await userByEmail('emma.schulz@demo-streaming.de');
    await withPage(browser, t, async (page) => {
      await openUser(page, user);
      for (const [opener, title] of [['Update Permission', 'Update permission'], ['Reset User Token', 'Reset user token?'], ['Delete User', 'Delete user?']]) {
        await button(page, opener).click();
        const dialog = page.getByRole('dialog', { name: title });
        await dialog.waitFor();
        assert.ok(await isFocusedIn(dialog), `focus is in "${title}"`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        assert.ok(await isFocused(button(page, opener)), `focus is back on ${opener}`);
      }
      const after = await userById(user.id);
      assert.equal(after.role, user.role);
      assert.equal(after.tokenKey, user.tokenKey);
    });
  });

  test('a double click on Confirm sends one request', async (t) => {
    const user = await userByEmail('julia.krause@demo-streaming.de');
    await withPage(browser, t, async (page) => {
      await openUser(page, user);
      const sent = [];
      page.on('request', (r) => {
        if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/user')) sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
      await button(page, 'Update Permission').click();
      let dialog = page.getByRole('dialog', { name: 'Update permission' });
      await dialog.getByLabel('New permission level').selectOption('nanoReadOnly');
      await dialog.getByRole('button', { name: 'Confirm' }).dblclick();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').filter({ hasText: 'Permission level changed.' }).waitFor();

      await button(page, 'Reset User Token').click();
      dialog = page.getByRole('dialog', { name: 'Reset user token?' });
      await dialog.getByRole('button', { name: 'Reset token' }).dblclick();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').filter({ hasText: 'Token reset.' }).waitFor();

      await button(page, 'Delete User').click();
      dialog = page.getByRole('dialog', { name: 'Delete user?' });
      await dialog.getByRole('button', { name: 'Delete user' }).dblclick();
      await page.getByRole('status').filter({ hasText: `Deleted ${user.email}.` }).waitFor();
      assert.deepEqual(sent, ['PUT /api/user/permission', 'PUT /api/user/tokenkey', `DELETE /api/user/${user.id}`]);
      assert.equal(page.problems.length, 0, page.problems.join('\n'));
    });
  });

  test('a server failure keeps the dialog open with the error and changes nothing', async (t) => {
    const user = await userByEmail('mia.richter@demo-streaming.de');
    await withPage(browser, t, async (page) => {
      await openUser(page, user);
      const fail = (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(FAILURE) });
      await page.route('**/api/user/permission', fail);
      await page.route('**/api/user/tokenkey', fail);
      await page.route(`**/api/user/${user.id}`, (route) => (route.request().method() === 'DELETE' ? fail(route) : route.continue()));

      const cases = [
        ['Update Permission', 'Update permission', 'Confirm', (d) => d.getByLabel('New permission level').selectOption('analyst')],
        ['Reset User Token', 'Reset user token?', 'Reset token', null],
        ['Delete User', 'Delete user?', 'Delete user', null],
      ];
      for (const [opener, title, confirmName, arrange] of cases) {
        await button(page, opener).click();
        const dialog = page.getByRole('dialog', { name: title });
        await dialog.waitFor();
        if (arrange) await arrange(dialog);
        const confirm = dialog.getByRole('button', { name: confirmName });
        await confirm.click();
        await dialog.getByRole('alert').filter({ hasText: 'The server failed. Please try again later.' }).waitFor();
        assert.ok(await dialog.isVisible(), `"${title}" stays open`);
        assert.ok(await confirm.isEnabled(), 'Confirm can be tried again');
        await expectNoAxeViolations(page, `${title} with an error`);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden' });
      }
      assert.equal(new URL(page.url()).pathname, `${LIST}/${user.id}`);
      const after = await userById(user.id);
      assert.equal(after.role, user.role);
      assert.equal(after.tokenKey, user.tokenKey);
      assert.deepEqual(await facts(page), {
        'Permission Level': role(user.role).displayName,
        Email: user.email,
        'User ID': String(user.id),
        'Created At (UTC)': formatUtc(user.created_at),
        'Token Key': user.tokenKey,
      });
    });
  });

  test('an unknown or malformed id says User not found', async (t) => {
    await withPage(browser, t, async (page) => {
      await loginAt(page, DEMO.admin, `${LIST}/999999`);
      await page.getByRole('heading', { name: 'User not found' }).waitFor();
      await expectNoAxeViolations(page, 'user not found');
      await openApp(page, server.baseUrl, `${LIST}/not-a-number`);
      await page.getByRole('heading', { name: 'User not found' }).waitFor();
      await page.getByRole('link', { name: '← All users' }).click();
      await page.waitForURL((u) => u.pathname === LIST);
      await page.getByRole('table', { name: 'Users' }).waitFor();
    });
  });

  // Last: it ends the admin's own sessions.
  test('resetting the own token warns first, then asks to log in again', async (t) => {
    const me = await userByEmail(DEMO.admin);
    await withPage(browser, t, async (page) => {
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

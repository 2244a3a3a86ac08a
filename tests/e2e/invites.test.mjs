// Invitations: the Invite New User dialog (role, permission overview, link, copy),
// the profile menu's entry, the pending list with Revoke, and the invitation page in
// a fresh browser: sign-up, a used, expired or revoked link, an email already taken.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, advanceClock, api, apiLogin } from './support/server.mjs';
import { expectNoAxeViolations } from './support/browser.mjs';
import { LIST, suite } from './support/fixture.mjs';
const NEW_PASSWORD = 'a-long-enough-password';

describe('invitations', () => {
  const s = suite();
  const { roles: roleList } = s;
  let server;
  let org;

  before(() => {
    ({ server, org } = s);
  });

  // s.api logs in again when a test has moved the server clock, which ages sessions.
  const pending = async () => (await s.api('GET', '/invite')).invites;
  const createInvite = (role, expiresInHours) => s.api('POST', '/invite', { body: { role, expiresInHours } });

  async function openList(page, path = LIST) {
    await s.loginAs(page, DEMO.admin, path);
    await page.getByRole('table', { name: 'Users' }).waitFor();
  }

  const inviteDialog = (page) => page.getByRole('dialog', { name: 'Invite New User' });

  /** Generates an invitation for `role` in the open dialog and returns its link. */
  async function generate(page, role) {
    const dialog = inviteDialog(page);
    await dialog.getByLabel('Role').selectOption(role);
    await dialog.getByRole('button', { name: 'Generate New Invite Token' }).click();
    const link = dialog.getByRole('textbox', { name: 'Invitation link' });
    await link.waitFor();
    return link.inputValue();
  }

  /** Expects the "no longer valid" page for `link` in a fresh browser context. */
  async function expectInvalid(link, label) {
    await s.withPage(label, async (guest) => {
      await guest.goto(link);
      await guest.getByRole('heading', { name: 'This invitation is no longer valid', level: 1 }).waitFor();
      assert.equal(await guest.getByRole('button', { name: 'Create account and join' }).count(), 0);
      await guest.getByRole('link', { name: 'Go to the login page' }).waitFor();
    });
  }

  test('the dialog explains each role, generates a link, copies it, lists it as pending', async (t) => {
    await s.withPage(t, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
      await openList(page);
      const before = await pending();
      await page.getByRole('button', { name: 'Invite New User' }).click();
      const dialog = inviteDialog(page);
      await dialog.waitFor();
      const overview = dialog.getByRole('region', { name: 'Permission overview' });
      await overview.getByRole('heading', { name: 'Permission overview: User' }).waitFor();
      assert.equal(await dialog.getByLabel('Role').inputValue(), 'nanoUser', 'the member role is the default');
      await expectNoAxeViolations(page, 'invite dialog');

      for (const role of await roleList()) {
        await dialog.getByLabel('Role').selectOption(role.name);
        await overview.getByRole('heading', { name: `Permission overview: ${role.displayName}`, exact: true }).waitFor();
        await overview.getByText(`Permissions (${role.permissions.length})`).waitFor();
        const shown = await overview.locator('code[title]').evaluateAll((els) => els.map((e) => e.title));
        assert.deepEqual(shown.sort(), [...role.permissions].sort(), `permissions of ${role.name}`);
        const audiences = await overview.getByRole('list', { name: 'Audiences' }).getByRole('listitem').allInnerTexts();
        assert.deepEqual(audiences, role.audiences, `audiences of ${role.name}`);
      }

      let sent;
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/invite') sent = r.postDataJSON();
      });
      await dialog.getByLabel('Link valid for').selectOption({ label: '24 hours' });
      const link = await generate(page, 'nanoReadOnly');
      assert.deepEqual(sent, { role: 'nanoReadOnly', expiresInHours: 24 });
      assert.match(link, new RegExp(`^${server.baseUrl}/invite/[^/?#]+$`));
      await dialog.getByText(/Invitation for Read Only created/).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).waitFor();
      assert.equal(await dialog.getByRole('button', { name: 'Cancel' }).count(), 0, 'Cancel became Done');
      await expectNoAxeViolations(page, 'invite dialog with a link');

      await dialog.getByRole('button', { name: 'Copy link' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Invitation link copied to clipboard.' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

      const after = await pending();
      assert.equal(after.length, before.length + 1);
      const created = after.find((i) => !before.some((b) => b.id === i.id));
      assert.equal(created.role, 'nanoReadOnly');
      const hours = (Date.parse(created.expiresAt) - Date.parse(created.created_at)) / 3_600_000;
      assert.equal(Math.round(hours), 24);

      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const invites = page.getByRole('region', { name: 'Pending invitations' });
      await invites.getByRole('button', { name: `Revoke the Read Only invitation from ${DEMO.admin}`, exact: true }).waitFor();
      assert.equal(await invites.locator('tbody tr').count(), after.length);

      // Opened again, the dialog starts without the old link.
      await page.getByRole('button', { name: 'Invite New User' }).click();
      await dialog.getByRole('button', { name: 'Generate New Invite Token' }).waitFor();
      assert.equal(await dialog.getByRole('textbox', { name: 'Invitation link' }).count(), 0);
      await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
    });
  });

  test('the profile menu opens the same dialog through ?invite=1', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Invite New User' }).click();
      await page.waitForURL((u) => u.pathname === LIST && u.searchParams.get('invite') === '1');
      const dialog = inviteDialog(page);
      await dialog.waitFor();
      await dialog.getByRole('region', { name: 'Permission overview' }).getByRole('heading').first().waitFor();
      await dialog.getByRole('button', { name: 'Generate New Invite Token' }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForURL((u) => u.pathname === LIST && !u.searchParams.has('invite'));
      await page.reload();
      await page.getByRole('table', { name: 'Users' }).waitFor();
      assert.equal(await dialog.isVisible(), false, 'a reload does not reopen it');
    });
  });

  test('the invitee signs up with the link, joins with the role, and the link is used up', async (t) => {
    const email = 'new.analyst@example.com';
    let link;
    await s.withPage(t, async (page) => {
      await openList(page);
      await page.getByRole('button', { name: 'Invite New User' }).click();
      link = await generate(page, 'analyst');
    });

    await s.withPage(`${t.name} (invitee)`, async (guest) => {
      await guest.goto(link);
      await guest.getByRole('heading', { name: `Join ${org.name}`, level: 1 }).waitFor();
      assert.match(await guest.getByText('You are invited as').innerText(), /You are invited as\s*Analyst\s*\./);
      await expectNoAxeViolations(guest, 'invitation page');

      await guest.getByLabel('Email').fill(email);
      await guest.getByLabel('Password').fill('too-short');
      await guest.getByRole('button', { name: 'Create account and join' }).click();
      await guest.getByRole('alert').filter({ hasText: 'at least 10 characters' }).waitFor();

      await guest.getByLabel('Password').fill(NEW_PASSWORD);
      await guest.getByRole('button', { name: 'Create account and join' }).click();
      await guest.waitForURL((u) => u.pathname === '/organisation/overview');
      await guest.getByRole('heading', { name: org.name, level: 1 }).waitFor();
      await guest.getByRole('button', { name: 'Account menu' }).click();
      await guest.getByRole('menu').getByText(email).waitFor();
      assert.match(await guest.getByRole('menu').innerText(), /Analyst/);
    });

    const { items } = await s.api('GET', `/user?q=${encodeURIComponent(email)}`);
    assert.equal(items.length, 1);
    assert.equal(items[0].role, 'analyst');
    assert.equal((await apiLogin(server, email, NEW_PASSWORD)).user.email, email, 'the new password works');

    await s.withPage(`${t.name} (admin)`, async (page) => {
      await openList(page, `${LIST}?role=analyst`);
      const row = page.getByRole('table', { name: 'Users' }).locator('tbody tr').filter({ hasText: email });
      await row.waitFor();
      assert.equal((await row.locator('td[data-label="Permission Level"]').innerText()).trim(), 'Analyst');
    });

    await s.withPage(`${t.name} (reuse)`, async (guest) => {
      await guest.goto(link);
      await guest.getByRole('heading', { name: 'This invitation is no longer valid', level: 1 }).waitFor();
      await expectNoAxeViolations(guest, 'invalid invitation page');
    });
  });

  test('an email that already has an account is refused, the link stays usable', async (t) => {
    const { token } = await createInvite('nanoUser');
    await s.withPage(t, async (guest) => {
      await guest.goto(`${server.baseUrl}/invite/${token}`);
      await guest.getByRole('heading', { name: `Join ${org.name}` }).waitFor();
      await guest.getByLabel('Email').fill(DEMO.readonly);
      await guest.getByLabel('Password').fill(NEW_PASSWORD);
      await guest.getByRole('button', { name: 'Create account and join' }).click();
      await guest.getByRole('alert').filter({ hasText: 'An account with this email already exists' }).waitFor();
      assert.equal(new URL(guest.url()).pathname, `/invite/${token}`);
      await guest.getByRole('button', { name: 'Create account and join' }).waitFor();
      await expectNoAxeViolations(guest, 'invitation page with an error');
    });
    const offer = await api(server, 'POST', '/invite/lookup', { body: { token } });
    assert.equal(offer.role.name, 'nanoUser', 'a refused sign-up does not use the invitation up');
    const me = await apiLogin(server, DEMO.readonly, DEMO.password);
    assert.equal(me.user.role, 'nanoReadOnly', 'the existing account is unchanged');
  });

  test('an expired link shows the invalid page', async (t) => {
    const created = await createInvite('analyst', 1);
    const link = `${server.baseUrl}/invite/${created.token}`;
    await s.withPage(t, async (guest) => {
      await guest.goto(link);
      await guest.getByRole('heading', { name: `Join ${org.name}` }).waitFor();
    });
    await advanceClock(server, 2 * 3600);
    await expectInvalid(link, `${t.name} (after expiry)`);
    assert.equal((await pending()).some((i) => i.id === created.invite.id), false, 'no longer pending');
  });

  test('a revoked invitation leaves the pending list and its link stops working', async (t) => {
    const created = await createInvite('streamManager');
    const link = `${server.baseUrl}/invite/${created.token}`;
    await s.withPage(t, async (page) => {
      await openList(page);
      const invites = page.getByRole('region', { name: 'Pending invitations' });
      const revoke = invites.getByRole('button', { name: `Revoke the Stream Manager invitation from ${DEMO.admin}`, exact: true });
      const dialog = page.getByRole('dialog', { name: 'Revoke invitation?' });

      await revoke.click();
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /Stream Manager invitation created by admin@demo\.local/);
      await expectNoAxeViolations(page, 'revoke invitation dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.ok((await pending()).some((i) => i.id === created.invite.id), 'Escape keeps the invitation');

      await revoke.click();
      await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await revoke.waitFor({ state: 'detached' });
      assert.equal((await pending()).some((i) => i.id === created.invite.id), false, 'revoked in the API');
    });
    await expectInvalid(link, `${t.name} (link)`);
  });
});

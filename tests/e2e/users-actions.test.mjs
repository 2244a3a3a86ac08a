// The user list's quick actions (Reset User Token, Delete User) and their dialogs,
// the phone layout, and what the read-only and member roles see of User Management.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectFocused, expectNoAxeViolations, login, openApp } from './support/browser.mjs';
import { LIST, readUserRows as readRows, until, userRows as rows, usersTable as table, userListKit } from './support/users.mjs';

const PHONE = { width: 375, height: 812 };

describe('user list actions', () => {
  const { s, roleList, findUser, loginAs, openList } = userListKit();

  test('Reset User Token: Escape and Cancel change nothing, confirm renews the key', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const email = 'jonas.becker@demo-streaming.de';
      const before = await findUser(email);
      const open = page.getByRole('button', { name: `Reset User Token of ${email}`, exact: true });
      const dialog = page.getByRole('dialog', { name: 'Reset user token?' });

      await open.click();
      await dialog.waitFor();
      assert.match(await dialog.innerText(), new RegExp(email.replace(/\./g, '\\.')));
      await expectNoAxeViolations(page, 'reset token dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expectFocused(open, 'focus returns to the row\'s button');
      await open.click();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal((await findUser(email)).tokenKey, before.tokenKey, 'Escape and Cancel keep the token key');

      await open.click();
      await dialog.getByRole('button', { name: 'Reset token' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').filter({ hasText: `Token of ${email} reset.` }).waitFor();
      const after = await findUser(email);
      assert.notEqual(after.tokenKey, before.tokenKey);
      await until(async () => (await readRows(page)).find((r) => r.email === email)?.token === after.tokenKey,
        'the row shows the new token key');
      await expectFocused(open, 'focus is on the row\'s button again');
    });
  });

  test('Delete User: Escape and Cancel change nothing, confirm removes the user', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const email = 'noah.koch@demo-streaming.de';
      const target = await findUser(email);
      assert.ok(target, 'seeded user exists');
      const role = (await roleList()).find((r) => r.name === target.role);
      const nav = page.getByRole('navigation', { name: 'Filter by role' });
      await nav.getByRole('link', { name: `${role.displayName} ${role.userCount}`, exact: true }).waitFor();

      const open = page.getByRole('button', { name: `Delete User ${email}`, exact: true });
      const dialog = page.getByRole('dialog', { name: 'Delete user?' });
      await open.click();
      await dialog.waitFor();
      await expectNoAxeViolations(page, 'delete user dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await open.click();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.ok(await findUser(email), 'Escape and Cancel keep the user');

      await open.click();
      await dialog.getByRole('button', { name: 'Delete user' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').filter({ hasText: `Deleted ${email}.` }).waitFor();
      await rows(page).filter({ hasText: email }).waitFor({ state: 'detached' });
      await nav.getByRole('link', { name: `${role.displayName} ${role.userCount - 1}`, exact: true }).waitFor();
      assert.equal(await findUser(email), undefined, 'gone from the API');
      await assert.rejects(s.api('GET', `/user/${target.id}`), (e) => e.status === 404);
    });
  });

  test('phone: no sideways scrolling, rows become readable cards', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375),
        `scrollWidth ${await page.evaluate(() => document.documentElement.scrollWidth)}`);
      const cards = await rows(page).evaluateAll((trs) => trs.map((tr) => {
        const r = tr.getBoundingClientRect();
        const cells = [...tr.querySelectorAll('td[data-label]')];
        return {
          display: getComputedStyle(tr).display,
          left: r.left,
          right: r.right,
          labels: cells.map((td) => getComputedStyle(td, '::before').content),
          stacked: cells.every((td, i) => i === 0 || td.getBoundingClientRect().top >= cells[i - 1].getBoundingClientRect().bottom - 1),
          emailFits: (() => {
            const a = tr.querySelector('td[data-label="Email"] a').getBoundingClientRect();
            return a.left >= r.left && a.right <= r.right;
          })(),
        };
      }));
      assert.ok(cards.length > 0);
      for (const c of cards) {
        assert.equal(c.display, 'block');
        assert.ok(c.left >= 0 && c.right <= 375, `card inside the screen: ${c.left}..${c.right}`);
        assert.deepEqual(c.labels, ['"Permission Level"', '"Email"', '"Token Key"', '"Created At (UTC)"']);
        assert.ok(c.stacked, 'cells stacked one below the other');
        assert.ok(c.emailFits, 'the email is inside its card');
      }
      await expectNoAxeViolations(page, 'user list on a phone');
      await page.getByRole('button', { name: `Reset User Token of ${DEMO.user}`, exact: true }).click();
      await page.getByRole('dialog', { name: 'Reset user token?' }).waitFor();
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
      await expectNoAxeViolations(page, 'reset dialog on a phone');
    }, { viewport: PHONE });
  });

  test('phone: the invite and Update Permission dialogs fit the screen', async (t) => {
    // Everything of the dialog lies inside the screen, and nothing in it scrolls sideways.
    const fits = (dialog) => dialog.evaluate((d) => {
      const r = d.getBoundingClientRect();
      const inside = [...d.querySelectorAll('*')].every((el) => {
        const b = el.getBoundingClientRect();
        return b.width === 0 || (b.left >= r.left - 1 && b.right <= r.right + 1);
      });
      const surface = d.querySelector('.oc-dialog__surface');
      return { left: r.left, right: r.right, inside, sideways: surface.scrollWidth > surface.clientWidth };
    });
    await s.withPage(t, async (p) => {
      const check = async (dialog, what) => {
        const f = await fits(dialog);
        assert.ok(f.left >= 0 && f.right <= PHONE.width, `${what} inside the screen: ${f.left}..${f.right}`);
        assert.ok(f.inside, `every element of the ${what} inside it`);
        assert.ok(!f.sideways, `the ${what} does not scroll sideways`);
        await expectNoAxeViolations(p, `${what} on a phone`);
      };
      await openList(p);
      await p.getByRole('button', { name: 'Invite New User' }).click();
      const invite = p.getByRole('dialog', { name: 'Invite New User' });
      await invite.getByRole('heading', { name: /^Permission overview:/ }).waitFor();
      await check(invite, 'invite dialog');
      await invite.getByRole('button', { name: 'Generate New Invite Token' }).click();
      await invite.getByRole('textbox', { name: 'Invitation link' }).waitFor();
      await check(invite, 'invite dialog with its link');
      await invite.getByRole('button', { name: 'Done' }).click();
      await invite.waitFor({ state: 'hidden' });

      await p.getByRole('link', { name: DEMO.user, exact: true }).click();
      await p.getByRole('button', { name: 'Update Permission' }).click();
      const update = p.getByRole('dialog', { name: 'Update permission' });
      await update.getByLabel('New permission level').selectOption('nanoAdmin');
      await update.getByRole('heading', { name: /^Permissions gained/ }).waitFor();
      await check(update, 'Update Permission dialog');
    }, { viewport: PHONE });
  });

  test('read-only: no User Management tab, and the page says so', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.readonly, '/organisation/overview');
      await page.getByRole('link', { name: 'Overview' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'User Management' }).count(), 0);
      await openApp(page, s.server.baseUrl, LIST);
      await page.getByRole('heading', { name: 'No access to User Management' }).waitFor();
      assert.equal(await table(page).count(), 0);
      await expectNoAxeViolations(page, 'user management without access');
    });
  });

  test('a member lists users but has no quick actions and no invite', async (t) => {
    await s.withPage(t, async (page) => {
      await loginAs(page, DEMO.user);
      await rows(page).first().waitFor();
      assert.ok(await rows(page).count() > 1);
      await page.getByRole('navigation', { name: 'Filter by role' }).getByRole('link', { name: /^All roles \d+$/ }).waitFor();
      assert.equal(await page.getByRole('button', { name: /^Reset User Token of / }).count(), 0);
      assert.equal(await page.getByRole('button', { name: /^Delete User / }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Invite New User' }).count(), 0);
      assert.equal(await page.getByRole('region', { name: 'Pending invitations' }).count(), 0);
      await expectNoAxeViolations(page, 'user list (member)');
    });
  });

  // Last: it ends the admin's own sessions (the API token of this file too).
  test('resetting the own token from the list asks to log in again and returns to the list', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page, `${LIST}?sort=created_at`);
      const before = await findUser(DEMO.admin);
      await page.getByRole('button', { name: `Reset User Token of ${DEMO.admin}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Reset user token?' });
      await dialog.getByText('This includes your own session: you will have to log in again.').waitFor();
      await dialog.getByRole('button', { name: 'Reset token' }).click();
      await page.getByText('Your session has expired. Please log in again.').waitFor();
      await s.adminToken();
      assert.notEqual((await findUser(DEMO.admin)).tokenKey, before.tokenKey);
      await login(page, DEMO.admin, DEMO.password);
      await page.waitForURL((u) => u.pathname === LIST && u.searchParams.get('sort') === 'created_at');
      await rows(page).first().waitFor();
      assert.equal(page.problems.length, 0, page.problems.join('\n'));
    });
  });
});

// Bulk actions on the user list: selecting (boxes, the page's box, a shift-click
// range, Space, "Select all N users matching this filter"), each action's review with
// its skip rules, the run with its progress and Cancel, the summary with a partial
// failure and "Retry the failed ones", the phone layout, and who sees the boxes.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectNoAxeViolations } from './support/browser.mjs';
import { LIST, until, userRows, userListKit } from './support/users.mjs';

const PHONE = { width: 375, height: 812 };
const synthetic = (i) => `load-user-${String(i).padStart(6, '0')}@synthetic.demo.local`;

describe('bulk actions', () => {
  const { s, roleList, findUser, loginAs } = userListKit({ serverArgs: ['--seed-users', '120'] });

  const openAt = async (page, query) => {
    await loginAs(page, DEMO.admin, `${LIST}?${query}`);
    await userRows(page).first().waitFor();
  };
  const box = (page, email) => page.getByRole('checkbox', { name: `Select ${email}`, exact: true });
  const pageBox = (page) => page.getByRole('checkbox', { name: 'Select every user on this page' });
  const bar = (page) => page.getByRole('region', { name: 'Selected users' });
  const announced = (page, text) => page.locator('p[role="status"].oc-visually-hidden').filter({ hasText: text }).waitFor();

  test('change role: the review groups users by role, skips who already has it, the run reports', async (t) => {
    await s.withPage(t, async (page) => {
      await openAt(page, 'q=load-user-00000');
      assert.equal(await bar(page).count(), 0, 'no bar without a selection');
      const [a, b, c] = [synthetic(0), synthetic(1), synthetic(4)];
      const roles = await roleList();
      const readOnly = roles.find((r) => r.name === 'nanoReadOnly');
      const before = await findUser(b);
      assert.equal(before.role, 'nanoReadOnly', 'seeded: every fourth synthetic user from 1 is read-only');

      await box(page, a).click();
      await box(page, b).click();
      await box(page, c).click();
      await announced(page, '3 users selected');
      await bar(page).getByRole('button', { name: 'Change role…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change the role of 3 users' });
      await dialog.waitFor();
      const confirm = dialog.getByRole('button', { name: /^Change the role of/ });
      assert.ok(await confirm.isDisabled(), 'no role chosen yet');
      await dialog.getByLabel('New permission level').selectOption(readOnly.name);
      await dialog.getByRole('heading', { name: /^From User \(2 users\)/ }).waitFor();
      await dialog.getByRole('heading', { name: 'Skipped: 1 user' }).waitFor();
      assert.match(await dialog.innerText(), /Permissions lost/);
      assert.match(await dialog.innerText(), new RegExp(`${b.replace(/\./g, '\\.')}: Already has this permission level`));
      await expectNoAxeViolations(page, 'bulk change-role review');

      await dialog.getByRole('button', { name: 'Change the role of 2 users' }).click();
      await dialog.getByText('Role changed: 2 users.').waitFor();
      await dialog.getByText('Skipped: 1 user.').waitFor();
      assert.equal(await dialog.getByRole('button', { name: 'Retry the failed ones' }).count(), 0);
      await expectNoAxeViolations(page, 'bulk summary');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal((await findUser(a)).role, 'nanoReadOnly');
      assert.equal((await findUser(c)).role, 'nanoReadOnly');
      // The done users leave the selection; the skipped one stays.
      await announced(page, '1 user selected');
      assert.ok(await box(page, b).isChecked());
      assert.ok(!(await box(page, a).isChecked()));
      // Each change is in the activity log as usual.
      const log = await s.api('GET', '/activity?kind=role_changed');
      assert.ok(log.items.some((e) => e.target === a) && log.items.some((e) => e.target === c));
    });
  });

  test('the bar comes with the first tick; the table stays put when its actions arrive', async (t) => {
    await s.withPage(t, async (page) => {
      // The bar's actions are a chunk of their own: held back here until released.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/\/(split|pack)_bulk_bar\.wasm$/, async (route) => { await held; await route.continue(); });
      await openAt(page, 'q=load-user-00000');
      await box(page, synthetic(0)).click();
      await bar(page).getByText('1 user selected').waitFor();
      const next = box(page, synthetic(2));
      const before = (await next.boundingBox()).y;
      release();
      await bar(page).getByRole('button', { name: 'Change role…' }).waitFor();
      assert.equal((await next.boundingBox()).y, before, 'the next box is where it was when the bar came');
      await next.click();
      await announced(page, '2 users selected');
      assert.ok(await next.isChecked());
    });
  });

  test('select all matching over several pages; paging keeps it, a new search clears it with a word', async (t) => {
    await s.withPage(t, async (page) => {
      await openAt(page, 'q=synthetic');
      await pageBox(page).check();
      await announced(page, '25 users selected');
      await bar(page).getByRole('button', { name: 'Select all 120 users matching this filter' }).click();
      await announced(page, '120 users selected');
      const pager = page.getByRole('navigation', { name: 'User pages' });
      await pager.getByRole('button', { name: 'Next page' }).click();
      await pager.getByText(/^Page 2 of 5/).waitFor();
      await until(async () => (await page.locator('tbody input[data-select]:checked').count()) === 25,
        'every row of page 2 is ticked');
      assert.ok(await pageBox(page).isChecked());
      await announced(page, '120 users selected');

      const search = page.getByLabel('Search by email');
      await search.fill('load-user-00001');
      await page.getByRole('status').filter({ hasText: 'Selection cleared: the filter or the search changed.' }).waitFor();
      await announced(page, 'No users selected');
      assert.equal(await bar(page).count(), 0);
    });
  });

  test('keyboard: Space ticks the focused box, shift-click ticks a range; yourself is skipped', async (t) => {
    await s.withPage(t, async (page) => {
      await openAt(page, 'q=load-user-00002');
      await box(page, synthetic(20)).focus();
      await page.keyboard.press('Space');
      await announced(page, '1 user selected');
      await box(page, synthetic(24)).click({ modifiers: ['Shift'] });
      await announced(page, '5 users selected');
      for (const i of [21, 22, 23]) assert.ok(await box(page, synthetic(i)).isChecked(), `${i} in the range`);

      // The admin's own row: a reset skips it (it would end the session mid-way).
      await page.getByLabel('Search by email').fill('@demo.local');
      await box(page, DEMO.admin).waitFor();
      await box(page, DEMO.admin).check();
      await box(page, DEMO.user).check();
      await bar(page).getByRole('button', { name: 'Reset tokens…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reset the tokens of 2 users?' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /end your session mid-way/);
      assert.match(await dialog.innerText(), /Playback tokens already issued stay valid/);
      await expectNoAxeViolations(page, 'bulk reset review');
      // Keyboard only: the focus is in the dialog; Escape closes it and gives the
      // focus back to the button that opened it.
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.ok(await bar(page).getByRole('button', { name: 'Reset tokens…' }).evaluate((b) => b === document.activeElement));
    });
  });

  test('a partial failure is reported per user and can be retried; Cancel stops further calls', async (t) => {
    await s.withPage(t, async (page) => {
      await openAt(page, 'q=load-user-00003');
      const emails = [30, 31, 32].map(synthetic);
      for (const e of emails) await box(page, e).check();
      // Another admin deletes one of them meanwhile.
      const gone = await findUser(emails[1]);
      await s.api('DELETE', `/user/${gone.id}`);
      await bar(page).getByRole('button', { name: 'Reset tokens…' }).click();
      let dialog = page.getByRole('dialog', { name: 'Reset the tokens of 3 users?' });
      await dialog.getByRole('button', { name: 'Reset the tokens of 3 users' }).click();
      await dialog.getByText('Tokens reset: 2 users.').waitFor();
      await dialog.getByRole('heading', { name: 'Failed: 1 user' }).waitFor();
      assert.match(await dialog.innerText(), new RegExp(`${emails[1].replace(/\./g, '\\.')}: This item does not exist`));
      await dialog.getByRole('button', { name: 'Retry the failed ones' }).click();
      await dialog.getByText('Tokens reset: 0 users.').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();

      // Slow answers, then Cancel: the calls under way finish, no more start. Slow
      // enough (three rounds of four calls, 1.5 s each) that axe on the running
      // dialog and the click on Cancel fit in, even on a loaded machine.
      await page.route('**/api/user/tokenkey', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.getByLabel('Search by email').fill('load-user-00004');
      await box(page, synthetic(40)).waitFor();
      await pageBox(page).check();
      await announced(page, '10 users selected');
      await bar(page).getByRole('button', { name: 'Reset tokens…' }).click();
      dialog = page.getByRole('dialog', { name: 'Reset the tokens of 10 users?' });
      await dialog.getByRole('button', { name: 'Reset the tokens of 10 users' }).click();
      await dialog.getByText(/Resetting tokens… \d+ of 10/).waitFor();
      await expectNoAxeViolations(page, 'bulk run in progress');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.getByText(/Stopped after \d of 10: Cancelled\./).waitFor();
      const text = await dialog.innerText();
      const done = Number(/Tokens reset: (\d+) users?\./.exec(text)[1]);
      assert.ok(done >= 1 && done < 10, `some but not all done (${done})`);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await announced(page, `${10 - done} user`);
    });
  });

  test('deleting more than ten users asks for their number', async (t) => {
    await s.withPage(t, async (page) => {
      // load-user-000100 to -000119.
      await openAt(page, 'q=load-user-0001');
      await pageBox(page).check();
      await announced(page, '20 users selected');
      await bar(page).getByRole('button', { name: 'Delete…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete 20 users?' });
      await dialog.waitFor();
      const confirm = dialog.getByRole('button', { name: 'Delete 20 users' });
      assert.ok(await confirm.isDisabled());
      await dialog.getByLabel('Type 20 to confirm the deletion').fill('19');
      assert.ok(await confirm.isDisabled());
      await dialog.getByLabel('Type 20 to confirm the deletion').fill('20');
      await expectNoAxeViolations(page, 'bulk delete review');
      await confirm.click();
      await dialog.getByText('Deleted: 20 users.').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByText('No users match “load-user-0001”.').waitFor();
      const left = await s.api('GET', '/user?q=load-user-0001&pageSize=200');
      assert.equal(left.total, 0);
    });
  });

  test('phone: the bar sits at the bottom of the screen, nothing scrolls sideways', async (t) => {
    await s.withPage(t, async (page) => {
      await openAt(page, 'q=load-user-00005');
      await box(page, synthetic(50)).check();
      await bar(page).waitFor();
      const { bottom, width, overflow } = await bar(page).evaluate((el) => ({
        bottom: el.getBoundingClientRect().bottom,
        width: el.getBoundingClientRect().width,
        overflow: document.documentElement.scrollWidth,
      }));
      assert.ok(bottom <= 812 && bottom >= 780, `bar bottom ${bottom}`);
      assert.ok(width > 340, `bar width ${width}`);
      assert.ok(overflow <= 375, `scrollWidth ${overflow}`);
      await expectNoAxeViolations(page, 'bulk bar on a phone');
      await bar(page).getByRole('button', { name: 'Delete…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete 1 user?' });
      await dialog.waitFor();
      const fits = await dialog.evaluate((d) => d.getBoundingClientRect().width <= 375);
      assert.ok(fits, 'the review fits the phone');
      await expectNoAxeViolations(page, 'bulk delete review on a phone');
      await page.keyboard.press('Escape');
    }, { viewport: PHONE });
  });

  test('only roles that may change or delete users see the boxes', async (t) => {
    await s.withPage(t, async (page) => {
      // A member may list users but not change or delete them.
      await loginAs(page, DEMO.user, LIST);
      await userRows(page).first().waitFor();
      assert.equal(await page.locator('input[data-select]').count(), 0);
      assert.equal(await pageBox(page).count(), 0);
    });
  });
});

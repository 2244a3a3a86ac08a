// The user list of User Management: the table, the role filter with counts,
// search, sort and paging, all kept in the URL (reload, back button); opening a
// user from a row.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectNoAxeViolations } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';
import { LIST, readUserRows as readRows, until, userRows as rows, usersTable as table, userListKit } from './support/users.mjs';

const query = (page) => new URL(page.url()).searchParams;

describe('user list', () => {
  const { s, roleList, findUser, loginAs, openList } = userListKit();

  test('the table has its columns, marks the own row and guards it', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      // After the selection column (the page's box, see bulk.test.mjs).
      const headers = await table(page).locator('thead th:not(.oc-users__select)').allInnerTexts();
      assert.deepEqual(headers.slice(0, 4).map((h) => h.replace(/[↕↑↓]/g, '').trim()),
        ['Permission Level', 'Email', 'Token Key', 'Created At (UTC)']);
      const { total } = await s.api('GET', '/user');
      assert.equal(await rows(page).count(), Math.min(total, 25));

      const me = rows(page).filter({ hasText: DEMO.admin });
      assert.match(await me.innerText(), /\(you\)/);
      assert.equal(await rows(page).filter({ hasText: '(you)' }).count(), 1, 'only one row is "you"');
      const del = page.getByRole('button', { name: `Delete User ${DEMO.admin}`, exact: true });
      assert.ok(await del.isDisabled(), 'the own row cannot be deleted');
      assert.ok(await page.getByRole('button', { name: `Delete User ${DEMO.user}`, exact: true }).isEnabled());
      await page.getByRole('button', { name: 'Invite New User' }).waitFor();
      await expectNoAxeViolations(page, 'user list');
    });
  });

  test('role badges show display names also when the roles arrive after the users', async (t) => {
    await s.withPage(t, async (page) => {
      const roles = await roleList();
      const displayNames = new Set(roles.map((r) => r.displayName));
      let held = 0;
      await page.route('**/api/permission/list', async (route) => {
        held++; // a slow role list: the users arrive first
        await new Promise((r) => setTimeout(r, 1000));
        await route.continue();
      });
      await openList(page);
      await until(async () => {
        const shown = (await readRows(page)).map((r) => r.role);
        return shown.every((r) => displayNames.has(r)) || shown.join(', ');
      }, 'display names in every badge');
      assert.ok(held > 0, 'the role list was requested');
      await page.getByRole('navigation', { name: 'Filter by role' }).getByRole('link', { name: /^Analyst \d+$/ }).waitFor();
    });
  });

  test('the role filter shows each role with its count, and only its users', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const roles = await roleList();
      assert.ok(roles.some((r) => r.name === 'streamManager') && roles.some((r) => r.name === 'analyst'),
        'the custom roles are seeded');
      const nav = page.getByRole('navigation', { name: 'Filter by role' });
      const total = roles.reduce((n, r) => n + r.userCount, 0);
      const all = nav.getByRole('link', { name: `All roles ${total}`, exact: true });
      assert.equal(await all.getAttribute('aria-current'), 'true');
      // Each writing of the table's rows into the page, counted.
      await page.evaluate(() => {
        window.__rowWrites = 0;
        new MutationObserver((records) => {
          window.__rowWrites += records.filter((r) => r.target.tagName === 'TBODY' && r.addedNodes.length > 0).length;
        }).observe(document.body, { childList: true, subtree: true });
      });

      for (const role of roles) {
        const link = nav.getByRole('link', { name: `${role.displayName} ${role.userCount}`, exact: true });
        await page.evaluate(() => { window.__rowWrites = 0; });
        await link.click();
        await page.waitForURL((u) => u.searchParams.get('role') === role.name);
        await until(async () => (await link.getAttribute('aria-current')) === 'true', `${role.name} active`);
        assert.equal(await all.getAttribute('aria-current'), null);
        assert.equal(await nav.locator('[aria-current="true"]').count(), 1, 'one active link');
        await until(async () => {
          const shown = await readRows(page);
          return shown.length === role.userCount && shown.every((r) => r.role === role.displayName)
            || `${shown.length} rows: ${[...new Set(shown.map((r) => r.role))].join(', ')}`;
        }, `${role.userCount} rows of ${role.displayName}`);
        // The answer is shown once, not built again by what follows it.
        await page.waitForTimeout(150);
        const writes = await page.evaluate(() => window.__rowWrites);
        assert.ok(writes <= 1, `the rows of ${role.name} were written ${writes} times`);
      }

      await all.click();
      await page.waitForURL((u) => !u.searchParams.has('role'));
      await until(async () => (await rows(page).count()) === Math.min(total, 25), 'all users again');
    });
  });

  test('a filter click asks for its page once, before the address moves; the filter changes with the rows', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const roles = await roleList();
      const role = roles.find((r) => r.userCount > 0);
      const nav = page.getByRole('navigation', { name: 'Filter by role' });
      const link = nav.getByRole('link', { name: `${role.displayName} ${role.userCount}`, exact: true });
      const all = nav.getByRole('link', { name: /^All roles \d+$/ });
      // When the page asks the API for the role's users, and when the address moves.
      await page.evaluate((name) => {
        window.__asked = [];
        const fetch = window.fetch;
        window.fetch = function ask(input, ...rest) {
          const url = new URL(input instanceof Request ? input.url : input, location.href);
          if (url.pathname.endsWith('/api/user') && url.searchParams.get('role') === name) {
            window.__asked.push(performance.now());
          }
          return fetch.call(this, input, ...rest);
        };
        const push = history.pushState;
        history.pushState = function moved(...args) {
          window.__movedAt ??= performance.now();
          return push.apply(this, args);
        };
      }, role.name);
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route((u) => u.pathname.endsWith('/api/user') && u.searchParams.get('role') === role.name, async (route) => {
        await held;
        await route.continue();
      });

      await link.click();
      await page.waitForURL((u) => u.searchParams.get('role') === role.name);
      const { asked, movedAt } = await page.evaluate(() => ({ asked: window.__asked, movedAt: window.__movedAt }));
      assert.equal(asked.length, 1, `asked once: ${asked}`);
      assert.ok(asked[0] < movedAt, `asked at ${asked[0]} ms, the address moved at ${movedAt} ms`);
      // While the answer is out, the filter still marks the rows on screen.
      assert.equal(await all.getAttribute('aria-current'), 'true', 'All roles marked while loading');
      release();
      await until(async () => (await link.getAttribute('aria-current')) === 'true', `${role.name} active`);
      const shown = await readRows(page);
      assert.ok(shown.length > 0 && shown.every((r) => r.role === role.displayName), 'only the role');
      assert.equal((await page.evaluate(() => window.__asked)).length, 1, 'the list took the answer over');

      // The link of the rows on screen asks for nothing.
      await link.click();
      await page.waitForTimeout(300);
      assert.equal((await page.evaluate(() => window.__asked)).length, 1, 'nothing asked again');
    });
  });

  test('a filter overtaken by the next click: the last click wins, and its request does not wait', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const [slow, quick] = (await roleList()).filter((r) => r.userCount > 0);
      const nav = page.getByRole('navigation', { name: 'Filter by role' });
      const link = (role) => nav.getByRole('link', { name: `${role.displayName} ${role.userCount}`, exact: true });
      const asked = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.endsWith('/api/user') && u.searchParams.has('role')) asked.push(u.searchParams.get('role'));
      });
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route((u) => u.pathname.endsWith('/api/user') && u.searchParams.get('role') === slow.name, async (route) => {
        await held;
        await route.continue();
      });

      await link(slow).click();
      await link(quick).click();
      await page.waitForURL((u) => u.searchParams.get('role') === quick.name);
      // The list takes its answers in order (one load at a time), but the last
      // click's request is out already, not only once the slow answer is in.
      await until(() => asked.includes(quick.name) || `asked: ${asked}`, `${quick.name} asked while ${slow.name} is out`);
      release();
      await until(async () => (await link(quick).getAttribute('aria-current')) === 'true', `${quick.name} active`);
      await page.waitForTimeout(300);
      assert.equal(await link(quick).getAttribute('aria-current'), 'true', 'the filter stays on the last click');
      assert.equal(await link(slow).getAttribute('aria-current'), null);
      const shown = await readRows(page);
      assert.ok(shown.length > 0 && shown.every((r) => r.role === quick.displayName), 'the rows are the last click\'s');
      assert.equal(query(page).get('role'), quick.name);
    });
  });

  test('a slow filter marks the old rows busy after a moment; a quick one changes nothing before its answer', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const roles = await roleList();
      const [quick, slow] = roles.filter((r) => r.userCount > 0);
      const nav = page.getByRole('navigation', { name: 'Filter by role' });
      // Every state the rows' wrapper goes through, recorded as it happens.
      await page.evaluate(() => {
        window.__busy = [];
        new MutationObserver(() => {
          const busy = document.querySelector('.oc-table-wrap')?.getAttribute('aria-busy') ?? null;
          if (window.__busy.at(-1) !== busy) window.__busy.push(busy);
        }).observe(document.body, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
      });
      const onlyRole = (role) => until(async () => {
        const shown = await readRows(page);
        return shown.length > 0 && shown.every((r) => r.role === role.displayName);
      }, `only ${role.displayName}`);

      await nav.getByRole('link', { name: `${quick.displayName} ${quick.userCount}`, exact: true }).click();
      await onlyRole(quick);
      assert.deepEqual(await page.evaluate(() => window.__busy), [], 'a quick answer: never busy');

      await page.route((u) => u.pathname.endsWith('/api/user') && u.searchParams.get('role') === slow.name, async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        await route.continue();
      });
      await nav.getByRole('link', { name: `${slow.displayName} ${slow.userCount}`, exact: true }).click();
      await page.locator('.oc-table-wrap[aria-busy="true"]').waitFor();
      await onlyRole(slow);
      assert.equal(await page.locator('.oc-table-wrap[aria-busy]').count(), 0, 'not busy once the answer is in');
      assert.deepEqual(await page.evaluate(() => window.__busy), ['true', null]);
    });
  });

  test('search by email is debounced, goes into the URL and has an empty state', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const searches = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (r.method() === 'GET' && u.pathname === '/api/user' && u.searchParams.get('q')) {
          searches.push(u.searchParams.get('q'));
        }
      });
      const box = page.getByLabel('Search by email');
      await box.pressSequentially('insights', { delay: 30 });
      await page.waitForURL((u) => u.searchParams.get('q') === 'insights');
      const expected = (await s.api('GET', '/user?q=insights')).items.map((u) => u.email).sort();
      assert.ok(expected.length > 0);
      await until(async () => JSON.stringify((await readRows(page)).map((r) => r.email).sort())
        === JSON.stringify(expected), 'the matching users');
      assert.deepEqual(searches, ['insights'], 'one request after typing stopped, none per keystroke');
      assert.equal(query(page).get('page'), null);

      await box.fill('nobody-here-xyz');
      const empty = page.getByText('No users match “nobody-here-xyz”.');
      await empty.waitFor();
      assert.equal(await rows(page).count(), 0);
      await page.getByRole('link', { name: 'Show all users' }).click();
      await page.waitForURL((u) => u.pathname === LIST && u.search === '');
      await until(async () => (await rows(page).count()) === 25, 'all users again');
      assert.equal(await box.inputValue(), '');
    });
  });

  test('sorting by column headers and by the Sort by menu', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const head = (name) => table(page).locator('thead th').filter({ has: page.getByRole('button', { name }) });
      const emailTh = head('Email');
      assert.equal(await emailTh.getAttribute('aria-sort'), 'ascending');
      const emails = async () => (await readRows(page)).map((r) => r.email);
      const sortedAsc = [...(await emails())].sort();
      assert.deepEqual(await emails(), sortedAsc, 'email A–Z by default');

      await emailTh.getByRole('button').click();
      await page.waitForURL((u) => u.searchParams.get('order') === 'desc');
      await until(async () => (await emailTh.getAttribute('aria-sort')) === 'descending', 'Email descending');
      await until(async () => JSON.stringify(await emails()) === JSON.stringify([...sortedAsc].reverse()), 'Z–A');

      const roleTh = head('Permission Level');
      await roleTh.getByRole('button').click();
      await page.waitForURL((u) => u.searchParams.get('sort') === 'role');
      await until(async () => (await roleTh.getAttribute('aria-sort')) === 'ascending', 'role ascending');
      assert.equal(await emailTh.getAttribute('aria-sort'), 'none');
      const byName = Object.fromEntries((await roleList()).map((r) => [r.displayName, r.name]));
      await until(async () => {
        const names = (await readRows(page)).map((r) => byName[r.role]);
        return names.every((n, i) => i === 0 || names[i - 1] <= n) || names.join(',');
      }, 'rows ordered by role');

      const createdTh = head('Created At (UTC)');
      await createdTh.getByRole('button').click();
      await page.waitForURL((u) => u.searchParams.get('sort') === 'created_at');
      await until(async () => (await createdTh.getAttribute('aria-sort')) === 'descending', 'newest first');
      await until(async () => {
        const times = (await readRows(page)).map((r) => Date.parse(r.created));
        return times.every((x, i) => i === 0 || times[i - 1] >= x);
      }, 'rows newest first');
      const select = page.getByLabel('Sort by');
      assert.equal(await select.inputValue(), 'created_at:desc', 'the menu follows the headers');

      await select.selectOption({ label: 'Oldest first' });
      await page.waitForURL((u) => u.searchParams.get('order') === 'asc');
      await until(async () => (await createdTh.getAttribute('aria-sort')) === 'ascending', 'oldest first');
      await until(async () => {
        const times = (await readRows(page)).map((r) => Date.parse(r.created));
        return times.every((x, i) => i === 0 || times[i - 1] <= x);
      }, 'rows oldest first');

      await select.selectOption('email:desc');
      await until(async () => JSON.stringify(await emails()) === JSON.stringify([...sortedAsc].reverse()), 'Z–A again');
      assert.equal(await emailTh.getAttribute('aria-sort'), 'descending');
    });
  });

  test('the view survives a reload and the back button', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page, `${LIST}?role=analyst&sort=created_at&order=asc`);
      const nav = page.getByRole('navigation', { name: 'Filter by role' });
      const analysts = (await s.api('GET', '/user?role=analyst')).items;
      const state = async () => ({
        active: (await nav.locator('[aria-current="true"]').innerText()).replace(/\s+/g, ' ').trim(),
        sort: await page.getByLabel('Sort by').inputValue(),
        search: await page.getByLabel('Search by email').inputValue(),
        emails: (await readRows(page)).map((r) => r.email),
      });
      await until(async () => (await readRows(page)).length === analysts.length, 'the analysts');

      await page.getByLabel('Search by email').fill('insights');
      await page.waitForURL((u) => u.searchParams.get('q') === 'insights');
      await until(async () => (await readRows(page)).every((r) => r.email.includes('insights')), 'search applied');
      const before = await state();
      assert.match(before.active, /^Analyst \d+$/);
      assert.equal(before.sort, 'created_at:asc');
      assert.equal(before.search, 'insights');

      await page.reload();
      await rows(page).first().waitFor();
      await until(async () => JSON.stringify(await state()) === JSON.stringify(before), 'the same view after reload');

      await nav.getByRole('link', { name: /^Stream Manager/ }).click();
      await page.waitForURL((u) => u.searchParams.get('role') === 'streamManager');
      await until(async () => (await state()).active.startsWith('Stream Manager'), 'Stream Manager active');
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get('role') === 'analyst');
      await until(async () => JSON.stringify(await state()) === JSON.stringify(before), 'the same view after back');
    });
  });

  test('a row and its email link open the user page', async (t) => {
    await s.withPage(t, async (page) => {
      await openList(page);
      const target = await findUser('clara.braun@demo-streaming.de');
      await rows(page).filter({ hasText: target.email }).locator('td[data-label="Created At (UTC)"]').click();
      await page.waitForURL((u) => u.pathname === `${LIST}/${target.id}`);
      await page.getByRole('heading', { name: target.email }).waitFor();

      await page.goBack();
      await rows(page).first().waitFor();
      await page.getByRole('link', { name: target.email, exact: true }).click();
      await page.waitForURL((u) => u.pathname === `${LIST}/${target.id}`);
      await page.getByRole('heading', { name: target.email }).waitFor();
    });
  });
});

describe('user list of a large organisation', () => {
  const s = suite({ serverArgs: ['--seed-users', '60'] });
  let total;

  before(async () => {
    total = (await s.api('GET', '/user')).total;
  });

  test('pages of 25 with a pager, and a search starts again from page 1', async (t) => {
    await s.withPage(t, async (page) => {
      assert.ok(total > 75, `total ${total}`);
      const pages = Math.ceil(total / 25);
      await s.loginAs(page, DEMO.admin, LIST);
      const pager = page.getByRole('navigation', { name: 'User pages' });
      await pager.getByText(`Page 1 of ${pages} · 1–25 of ${total}`).waitFor();
      assert.equal(await rows(page).count(), 25);
      assert.ok(await pager.getByRole('button', { name: 'Previous page' }).isDisabled());

      const seen = new Set();
      for (let p = 1; p <= pages; p++) {
        const first = (p - 1) * 25 + 1;
        const last = Math.min(p * 25, total);
        await pager.getByText(`Page ${p} of ${pages} · ${first}–${last} of ${total}`).waitFor();
        await until(async () => (await rows(page).count()) === last - first + 1, `rows of page ${p}`);
        const emails = (await readRows(page)).map((r) => r.email);
        for (const e of emails) {
          assert.ok(!seen.has(e), `${e} appears on two pages`);
          seen.add(e);
        }
        assert.ok(await page.locator('tbody tr').count() <= 25, 'never more than 25 rows in the DOM');
        if (p < pages) {
          await pager.getByRole('button', { name: 'Next page' }).click();
          await page.waitForURL((u) => u.searchParams.get('page') === String(p + 1));
        }
      }
      assert.equal(seen.size, total, 'every user on exactly one page');
      assert.ok(await pager.getByRole('button', { name: 'Next page' }).isDisabled());

      await pager.getByRole('button', { name: 'Previous page' }).click();
      await page.waitForURL((u) => u.searchParams.get('page') === String(pages - 1));
      await pager.getByText(new RegExp(`^Page ${pages - 1} of ${pages}`)).waitFor();

      await page.getByLabel('Search by email').fill('synthetic');
      await page.waitForURL((u) => u.searchParams.get('q') === 'synthetic' && !u.searchParams.has('page'));
      await pager.getByText(/^Page 1 of \d+ · 1–25 of 60$/).waitFor();
      await expectNoAxeViolations(page, 'user list with pager');
    });
  });
});
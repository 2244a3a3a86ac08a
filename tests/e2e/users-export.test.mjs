// "Export CSV" on User Management: the downloaded file holds exactly the users the
// current filter, search and sort select, over all pages (the export fetches 200 a
// page; here 600+ users match), with a header row, RFC 4180 quoting and a user whose
// email starts with "=" defused; progress while it runs; a failure mid-way says so
// and Retry works, also when the export's own code could not be fetched; axe-clean,
// also at 375x812.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DEMO, api } from './support/server.mjs';
import { expectNoAxeViolations } from './support/browser.mjs';
import { LIST, suite } from './support/fixture.mjs';

const FORMULA_EMAIL = '=synthetic.formula@example.com';
const QUERY = '?q=synthetic&sort=created_at&order=asc';
const PHONE = { width: 375, height: 812 };

/** The users the API lists for QUERY, all pages, in order. */
async function expectedUsers(s) {
  const all = [];
  for (let page = 1; ; page++) {
    const got = await s.api('GET', `/user${QUERY}&pageSize=200&page=${page}`);
    all.push(...got.items);
    if (all.length >= got.total || got.items.length === 0) return all;
  }
}

/** Clicks Export CSV and answers the downloaded file's text. */
async function exportCsv(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  assert.equal(download.suggestedFilename(), 'users.csv');
  return readFile(await download.path(), 'utf8');
}

describe('users CSV export', () => {
  const s = suite({ serverArgs: ['--seed-users', '600'] });

  before(async () => {
    const { token } = await s.api('POST', '/invite', { body: { role: 'nanoUser' } });
    await api(s.server, 'POST', '/invite/accept', { body: { token, email: FORMULA_EMAIL, password: 'long-enough-pw' } });
  });

  test('the file holds exactly the filtered, searched and sorted users of every page', async (t) => {
    const users = await expectedUsers(s);
    assert.ok(users.length > 400, `${users.length} users match, more than two export pages`);
    assert.ok(users.some((u) => u.email === FORMULA_EMAIL));
    const roles = await s.roles();
    const display = (r) => roles.find((x) => x.name === r)?.displayName ?? r;
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, `${LIST}${QUERY}`);
      await page.locator('table.oc-users tbody tr').first().waitFor();
      const button = page.getByRole('button', { name: 'Export CSV' });
      // Hold page 2 a moment, to see the progress line.
      await page.route((u) => u.pathname === '/api/user' && u.searchParams.get('page') === '2', async (route) => {
        await new Promise((r) => setTimeout(r, 600));
        await route.continue();
      });
      const text = await exportCsv(page, async () => {
        await button.click();
        await page.getByRole('status').filter({ hasText: `Exporting… 200 of ${users.length} users` }).waitFor();
      });
      const lines = text.split('\r\n');
      assert.equal(lines.at(-1), '', 'the file ends with CRLF');
      lines.pop();
      assert.equal(lines[0], 'Email,Permission level,Role (internal name),User ID,Created at (UTC)');
      const expected = users.map((u) => [
        u.email.startsWith('=') ? `'${u.email}` : u.email, display(u.role), u.role, String(u.id), u.createdAt ?? u.created_at,
      ].join(','));
      assert.deepEqual(lines.slice(1), expected);
      assert.ok(lines.includes(expected.find((l) => l.startsWith(`'${FORMULA_EMAIL},`))), 'the "=" email is defused');
      assert.ok(!text.includes(users[0].tokenKey), 'no token keys in the file');
      await page.getByRole('status').filter({ hasText: `Exported ${users.length.toLocaleString('en-US')} users to users.csv.` }).waitFor();
      await expectNoAxeViolations(page, 'user list after an export');
    });
  });

  test('a failure mid-way says so, downloads nothing, and Retry exports', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, `${LIST}${QUERY}`);
      await page.locator('table.oc-users tbody tr').first().waitFor();
      const failPage2 = (u) => u.pathname === '/api/user' && u.searchParams.get('page') === '2' && u.searchParams.get('pageSize') === '200';
      await page.route(failPage2, (route) => route.abort());
      let downloads = 0;
      page.on('download', () => { downloads++; });
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The export stopped and nothing was downloaded' });
      await alert.waitFor();
      assert.equal(downloads, 0);
      await expectNoAxeViolations(page, 'export failed');
      await page.unroute(failPage2);
      const text = await exportCsv(page, () => alert.getByRole('button', { name: 'Retry export' }).click());
      assert.ok(text.split('\r\n').length > 400);
    });
  });

  test('the export\'s code comes with the first click; when it cannot, the export says so and Retry works', async (t) => {
    await s.withPage(t, async (page) => {
      let failing = true;
      const chunk = /\/split_users_export\.wasm$/;
      await page.route(chunk, (route) => (failing ? route.abort('connectionfailed') : route.continue()));
      await s.loginAs(page, DEMO.admin, `${LIST}?role=analyst`);
      await page.locator('table.oc-users tbody tr').first().waitFor();
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'This part of the console could not be loaded.' });
      await alert.waitFor();
      await expectNoAxeViolations(page, 'export code failed');
      failing = false;
      const text = await exportCsv(page, () => alert.getByRole('button', { name: 'Retry export' }).click());
      assert.ok(text.startsWith('Email,'));
    });
  });

  test('at 375x812 the export button is reachable and the page axe-clean', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, `${LIST}?role=analyst`);
      await page.locator('table.oc-users tbody tr').first().waitFor();
      const button = page.getByRole('button', { name: 'Export CSV' });
      await button.focus();
      const text = await exportCsv(page, () => page.keyboard.press('Enter'));
      const rows = text.split('\r\n').filter(Boolean).slice(1);
      const { total } = await s.api('GET', '/user?role=analyst&pageSize=1');
      assert.equal(rows.length, total);
      assert.ok(rows.every((r) => r.split(',')[2] === 'analyst'));
      await expectNoAxeViolations(page, 'user list at 375x812');
    }, { viewport: PHONE });
  });
});

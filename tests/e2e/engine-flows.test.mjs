// The main flows (bulk actions among them), written once against the engine-neutral driver (support/engines.mjs)
// and run in the engine named by E2E_ENGINE: chromium (the default, with the rest of
// tests/e2e), firefox or webkit (`cargo xtask test` runs this file once per engine).
// Every screen and open dialog is checked with axe, on desktop and at 375x812.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, advanceClock } from './support/server.mjs';
import { LIST, suite } from './support/fixture.mjs';
import { expectNoAxe, focusState } from './support/engines.mjs';
import { PROVOKE_TRAP } from './support/embedding.mjs';

const ENGINE = process.env.E2E_ENGINE || 'chromium';
const PHONE = { width: 375, height: 812 };
const TABLET = { width: 820, height: 1180 };
const NEW_PASSWORD = 'a-long-enough-password';

const button = (name) => ({ role: 'button', name });
const dialog = (name) => ({ role: 'dialog', name });
const inDialog = (name, query) => ({ ...query, within: dialog(name) });
const status = (re) => ({ role: 'status', name: { re } });
const pathOf = async (page) => new URL(await page.url()).pathname;
const params = async (page) => new URL(await page.url()).searchParams;
const rowEmails = (page) => page.evaluate(
  '[...document.querySelectorAll("table tbody tr td[data-label=Email] a")].map((a) => a.textContent.trim())');
const rowRoles = (page) => page.evaluate(
  '[...document.querySelectorAll("table tbody tr td[data-label=\'Permission Level\']")].map((td) => td.textContent.trim())');

describe(`main flows in ${ENGINE}`, () => {
  const s = suite({ engine: ENGINE, serverArgs: ['--seed-users', '60'] });
  const axe = (page, label) => expectNoAxe(page, `${label} (${ENGINE})`);

  /** Logs in to the example host page (its own login) and opens the console there. */
  async function openEmbedded(page) {
    await page.goto(`${s.server.baseUrl}/embed/login`);
    await page.fill({ label: 'Email' }, DEMO.admin);
    await page.fill({ label: 'Password' }, DEMO.password);
    await page.click(button('Log in'));
    await page.waitFor({ role: 'heading', name: 'Streams' });
    await page.click({ within: { role: 'navigation', name: 'Portal' }, role: 'link', name: 'Organisation' });
  }

  /** Opens a dialog with its button, checks axe, closes it with Escape; focus returns. */
  async function openAndEscape(page, opener, title) {
    await page.click(opener);
    await page.waitFor(dialog(title));
    await page.until(`document.querySelector('dialog[open]')?.contains(document.activeElement)`, `focus inside "${title}"`);
    await axe(page, `dialog "${title}"`);
    await page.press('Escape');
    await page.waitFor(dialog(title), { state: 'hidden' });
    const back = await focusedWithin(page, opener);
    const focus = await focusState(page);
    assert.ok(back, `focus returns to the button that opened "${title}" (it is on ${focus.tag} "${focus.name}")`);
  }

  /** Whether `query`'s element has the focus within 2 s (a close event comes later). */
  async function focusedWithin(page, query) {
    for (let i = 0; i < 40; i++) {
      if (await page.isFocused(query)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  /**
   * Presses Tab (Shift+Tab with `back`) until the element the query finds has the
   * focus; at every stop the focus must be drawn and never on <body>.
   */
  async function tabTo(page, query, { back = false, max = 60 } = {}) {
    const key = back ? 'Shift+Tab' : 'Tab';
    for (let i = 1; i <= max; i++) {
      await page.press(key);
      await expectVisibleFocus(page, `after ${i} × ${key} towards ${JSON.stringify(query)}`);
      if (await page.isFocused(query)) return;
    }
    throw new Error(`${JSON.stringify(query)} not reached with ${max} × ${key}`);
  }

  async function expectVisibleFocus(page, when) {
    // The console's focus rings fade in (a 0.15 s transition): give them a moment,
    // up to 2 s: with the chromium and the other engines' suites at once on two
    // cores, WebKit once took longer than 0.5 s to draw the login's password ring.
    let f = await focusState(page);
    for (let i = 0; i < 40 && f.tag !== 'body' && !f.visible; i++) {
      await new Promise((r) => setTimeout(r, 50));
      f = await focusState(page);
    }
    assert.notEqual(f.tag, 'body', `focus lost to <body> ${when}`);
    assert.ok(f.visible, `focus on <${f.tag}> "${f.name}" is not drawn ${when} (outline: ${f.outline}; box-shadow: ${f.ring})`);
  }

  /** After a dialog closed: the focus is back on its opener, drawn. */
  async function expectFocusBackOn(page, opener, title) {
    await page.waitFor(dialog(title), { state: 'hidden' });
    await expectVisibleFocus(page, `after "${title}" closed`);
    assert.ok(await focusedWithin(page, opener), `focus returns to the opener of "${title}"`);
  }

  test('keyboard only: log in, User Management, dialogs, the user page, the account menu', (t) => s.withPage(t, async (page) => {
    const user = await s.findUser('clara.braun@demo-streaming.de');
    await page.goto(`${s.server.baseUrl}/login`);
    await page.waitFor({ label: 'Email' });
    await tabTo(page, { label: 'Email' });
    await page.type(DEMO.admin);
    await tabTo(page, { label: 'Password' });
    await page.type(DEMO.password);
    await page.press('Enter');
    await page.waitFor({ role: 'heading', name: s.org.name, level: 1 });

    await tabTo(page, { role: 'link', name: 'User Management' });
    await page.press('Enter');
    await page.until(`location.pathname === ${JSON.stringify(LIST)}`, 'the user list');
    await page.waitFor('table tbody tr');

    const invite = button('Invite New User');
    await tabTo(page, invite);
    await page.press('Enter');
    await page.waitFor(dialog('Invite New User'));
    await expectVisibleFocus(page, 'when the invite dialog opened');
    await page.press('Tab');
    await expectVisibleFocus(page, 'inside the invite dialog');
    await page.press('Escape');
    await expectFocusBackOn(page, invite, 'Invite New User');

    const reset = button(`Reset User Token of ${user.email}`);
    await tabTo(page, reset);
    await page.press('Space');
    await page.waitFor(dialog('Reset user token?'));
    await page.press('Escape');
    await expectFocusBackOn(page, reset, 'Reset user token?');

    await tabTo(page, { role: 'link', name: user.email }, { back: true });
    await page.press('Enter');
    await page.waitFor({ role: 'heading', name: user.email, level: 2 });

    const del = button('Delete User');
    await tabTo(page, del);
    await page.press('Enter');
    await page.waitFor(dialog('Delete user?'));
    await tabTo(page, inDialog('Delete user?', button('Cancel')));
    await page.press('Enter');
    await expectFocusBackOn(page, del, 'Delete user?');

    const resetHere = button('Reset User Token');
    await tabTo(page, resetHere, { back: true });
    await page.press('Enter');
    await page.waitFor(dialog('Reset user token?'));
    await tabTo(page, inDialog('Reset user token?', button('Reset token')));
    await page.press('Enter');
    await page.waitFor(status('Token reset'));
    await expectFocusBackOn(page, resetHere, 'Reset user token?');
    assert.notEqual((await s.api('GET', `/user/${user.id}`)).tokenKey, user.tokenKey, 'the token was reset');

    const menu = button('Account menu');
    await tabTo(page, menu, { back: true });
    await page.press('Enter');
    await page.waitFor({ role: 'menu' });
    await page.press('Escape');
    await page.waitFor({ role: 'menu' }, { state: 'hidden' });
    await expectVisibleFocus(page, 'after the account menu closed');
    assert.ok(await focusedWithin(page, menu), 'focus returns to the account menu button');
  }));

  test('log in and out', (t) => s.withPage(t, async (page) => {
    await page.goto(`${s.server.baseUrl}/`);
    await page.waitFor({ label: 'Email' });
    await axe(page, 'login page');
    await page.fill({ label: 'Email' }, DEMO.admin);
    await page.fill({ label: 'Password' }, 'not-the-password');
    await page.click(button('Log in'));
    await page.waitFor({ role: 'alert', name: { re: '\\S' } });
    await axe(page, 'login page with an error');

    await s.loginAs(page, DEMO.admin);
    assert.equal(await pathOf(page), '/organisation/overview');
    await axe(page, 'overview');
    await page.click(button('Account menu'));
    await page.waitFor({ role: 'menu' });
    await axe(page, 'account menu');
    await page.click({ role: 'menuitem', name: 'Log out' });
    await page.waitFor({ label: 'Email' });
    assert.equal(await pathOf(page), '/login');
    const kept = await page.evaluate('JSON.stringify({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) })');
    assert.equal(kept, JSON.stringify({ session: [], local: [] }), 'nothing kept after logging out');
    await page.goto(`${s.server.baseUrl}/organisation/overview`);
    await page.waitFor({ label: 'Email' });
    assert.equal(await pathOf(page), '/login', 'logged out for good');
  }));

  test('German and dark, chosen in the account menu: the words, the UTC dates, remembered on a reload, axe', (t) => s.withPage(t, async (page) => {
    await s.loginAs(page, DEMO.admin);
    await page.click(button('Account menu'));
    await page.click({ role: 'menuitemradio', name: 'Deutsch' });
    await page.waitFor({ role: 'heading', name: 'API-Zugang' });
    assert.equal(await page.evaluate('document.documentElement.lang'), 'de');
    const text = await page.evaluate('document.body.innerText');
    assert.match(text, /Läuft ab am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,4}\.? \d{4}, \d{2}:\d{2} UTC/, 'a German UTC date');
    await axe(page, 'overview in German');

    await page.click(button('Kontomenü'));
    await page.click({ role: 'menuitemradio', name: 'Dunkel' });
    const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
    await page.until(`getComputedStyle(document.body).backgroundColor === 'rgb(15, 21, 35)'`, 'the dark page');
    await axe(page, 'overview in German, dark');

    await page.goto(`${s.server.baseUrl}${LIST}`);
    await page.waitFor('table tbody tr');
    await page.waitFor({ role: 'heading', name: 'Benutzer' });
    assert.equal(await background(), 'rgb(15, 21, 35)', 'dark after a reload');
    await axe(page, 'user list in German, dark');
    // Back to English and light: the choice is this device's, and the engine's
    // contexts may share it.
    await page.click(button('Kontomenü'));
    await page.click({ role: 'menuitemradio', name: 'Hell' });
    await page.click(button('Kontomenü'));
    await page.click({ role: 'menuitemradio', name: 'English' });
    await page.waitFor({ role: 'heading', name: 'Users' });
  }));

  test('Overview: the secrets are masked, revealed, hidden and copied', (t) => s.withPage(t, async (page) => {
    await page.grantClipboard(s.server.baseUrl);
    await s.loginAs(page, DEMO.admin);
    const access = { role: 'region', name: 'API Access' };
    for (const name of ['Bintu Token', 'API Key', 'Player Key']) await page.waitFor({ within: access, role: 'group', name });
    const shown = (secret) => page.evaluate(`document.body.innerText.includes(${JSON.stringify(secret)})`);
    assert.equal(await shown(s.org.apiKey), false, 'the API key is masked');

    await page.click(button('Reveal API Key'));
    await page.waitFor({ within: access, text: s.org.apiKey });
    await page.click(button('Hide API Key'));
    await page.waitFor({ within: access, text: s.org.apiKey }, { state: 'hidden' });

    await page.click(button('Copy Player Key'));
    await page.waitFor(status('Player Key copied'));
    assert.equal(await shown(s.org.playerKey), false, 'copying does not reveal');
    assert.equal(await page.evaluateAsync('return navigator.clipboard.readText()'), s.org.playerKey);
  }));

  test('Overview: the webhook is validated and saved', (t) => s.withPage(t, async (page) => {
    await s.loginAs(page, DEMO.admin);
    const field = { label: 'Webhook URL' };
    await page.fill(field, 'http://example.com/hook');
    await page.click(button('Save webhook'));
    await page.waitFor({ role: 'alert', name: { re: 'https' } });
    assert.equal(await page.attribute(field, 'aria-invalid'), 'true');
    assert.equal(await page.value(field), 'http://example.com/hook', 'the edit is kept');
    await axe(page, 'overview with an invalid webhook');
    await page.fill(field, 'https://hooks.example.com/streams');
    await page.click(button('Save webhook'));
    await page.waitFor(status('Saved'));
    assert.equal((await s.api('GET', '/organisation')).webhook, 'https://hooks.example.com/streams');
  }));

  test('User Management: filter, search, sort and page; the URL survives a reload', (t) => s.withPage(t, async (page) => {
    await s.loginAs(page, DEMO.admin, LIST);
    await page.waitFor('table tbody tr');
    await axe(page, 'user list');
    const roles = await s.roles();
    const analyst = roles.find((r) => r.name === 'analyst');
    const filters = { role: 'navigation', name: 'Filter by role' };
    await page.click({ within: filters, role: 'link', name: `${analyst.displayName} ${analyst.userCount}` });
    await page.until(`new URL(location.href).searchParams.get('role') === 'analyst'`, 'role=analyst in the URL');
    await page.until(`document.querySelectorAll('table tbody tr').length === ${analyst.userCount}`, 'the analysts');
    assert.deepEqual([...new Set(await rowRoles(page))], [analyst.displayName]);

    await page.click({ within: filters, role: 'link', name: { re: '^All roles' } });
    await page.until(`!new URL(location.href).searchParams.has('role')`, 'no role in the URL');
    await page.fill({ label: 'Search by email' }, 'synthetic');
    await page.until(`new URL(location.href).searchParams.get('q') === 'synthetic'`, 'q=synthetic in the URL');
    const pager = { role: 'navigation', name: 'User pages' };
    await page.waitFor({ within: pager, text: { re: '^Page 1 of 3 · 1–25 of 60$' } });

    await page.click({ role: 'button', name: { re: '^Email' } });
    await page.until(`new URL(location.href).searchParams.get('order') === 'desc'`, 'order=desc in the URL');
    const desc = [...(await s.api('GET', '/user?q=synthetic&sort=email&order=desc&limit=25')).items.map((u) => u.email)];
    await page.until(`JSON.stringify([...document.querySelectorAll('table tbody tr td[data-label=Email] a')].map((a) => a.textContent.trim())) === ${JSON.stringify(JSON.stringify(desc))}`, 'Z–A order');

    await page.click({ within: pager, role: 'button', name: 'Next page' });
    await page.until(`new URL(location.href).searchParams.get('page') === '2'`, 'page=2 in the URL');
    await page.waitFor({ within: pager, text: { re: '^Page 2 of 3 · 26–50 of 60$' } });
    const before = { emails: await rowEmails(page), search: await page.value({ label: 'Search by email' }), url: await page.url() };
    assert.equal(before.emails.length, 25);
    await axe(page, 'user list, searched, sorted, page 2');

    await page.reload();
    await page.waitFor({ within: pager, text: { re: '^Page 2 of 3 · 26–50 of 60$' } });
    assert.equal(await page.url(), before.url);
    assert.equal(await page.value({ label: 'Search by email' }), before.search);
    await page.until(`document.querySelectorAll('table tbody tr').length === 25`, 'the rows after reload');
    assert.deepEqual(await rowEmails(page), before.emails, 'the same rows after a reload');
    const sort = await params(page);
    assert.equal(sort.get('sort') ?? 'email', 'email');
  }));

  test('an invitation is created and accepted in a fresh browser context', (t) => s.withPage(t, async (page) => {
    await s.loginAs(page, DEMO.admin, LIST);
    await page.click(button('Invite New User'));
    const invite = 'Invite New User';
    await page.waitFor(inDialog(invite, { role: 'heading', name: { re: '^Permission overview:' } }));
    await axe(page, 'invite dialog');
    await page.select(inDialog(invite, { label: 'Role' }), 'analyst');
    await page.click(inDialog(invite, button('Generate New Invite Token')));
    await page.waitFor(inDialog(invite, { label: 'Invitation link' }));
    const link = await page.value(inDialog(invite, { label: 'Invitation link' }));
    assert.match(link, new RegExp(`^${s.server.baseUrl}/invite/[^/?#]+$`));
    await axe(page, 'invite dialog with its link');
    await page.click(inDialog(invite, button('Done')));
    await page.waitFor(dialog(invite), { state: 'hidden' });

    const email = `invitee.${ENGINE}@example.com`;
    await s.withPage(`${t.name} (invitee)`, async (guest) => {
      await guest.goto(link);
      await guest.waitFor({ role: 'heading', name: `Join ${s.org.name}`, level: 1 });
      await axe(guest, 'invitation page');
      await guest.fill({ label: 'Email' }, email);
      await guest.fill({ label: 'Password' }, NEW_PASSWORD);
      await guest.click(button('Create account and join'));
      await guest.waitFor({ role: 'heading', name: s.org.name, level: 1 });
      assert.equal(await pathOf(guest), '/organisation/overview');
    });
    assert.equal((await s.findUser(email))?.role, 'analyst', 'the invitee joined with the role');
  }));

  test('bulk: tick users, review the role change by group, run it, the summary', (t) => s.withPage(t, async (page) => {
    // load-user-000000 is a User, load-user-000002 a Stream Manager (the synthetic roles rotate).
    const [a, b] = ['load-user-000000@synthetic.demo.local', 'load-user-000002@synthetic.demo.local'];
    await s.loginAs(page, DEMO.admin, `${LIST}?q=load-user-00000`);
    await page.waitFor('table tbody tr');
    await page.click({ role: 'checkbox', name: `Select ${a}` });
    await page.click({ role: 'checkbox', name: `Select ${b}` });
    const bar = { role: 'region', name: 'Selected users' };
    await page.waitFor({ within: bar, text: '2 users selected' });
    await axe(page, 'user list with the bulk bar');
    const title = 'Change the role of 2 users';
    await page.click({ within: bar, role: 'button', name: 'Change role…' });
    await page.waitFor(dialog(title));
    await page.select(inDialog(title, { label: 'New permission level' }), 'analyst');
    await page.waitFor(inDialog(title, { role: 'heading', name: { re: '^From User \\(1 user\\)' } }));
    await page.waitFor(inDialog(title, { role: 'heading', name: { re: '^From Stream Manager \\(1 user\\)' } }));
    await axe(page, 'bulk review');
    await page.click(inDialog(title, button('Change the role of 2 users')));
    await page.waitFor(inDialog(title, { text: 'Role changed: 2 users.' }));
    await axe(page, 'bulk summary');
    await page.click(inDialog(title, button('Close')));
    await page.waitFor(dialog(title), { state: 'hidden' });
    assert.equal((await s.findUser(a)).role, 'analyst');
    assert.equal((await s.findUser(b)).role, 'analyst');
    await page.waitFor({ role: 'status', name: 'No users selected' });
  }));

  test('the user page: Update Permission, Reset User Token and Delete User (open, Escape, confirm)', (t) => s.withPage(t, async (page) => {
    const user = await s.findUser('marie.lange@demo-streaming.de');
    await s.loginAs(page, DEMO.admin, `${LIST}/${user.id}`);
    await page.waitFor({ role: 'heading', name: user.email, level: 2 });
    await axe(page, 'user page');

    const update = 'Update permission';
    await openAndEscape(page, button('Update Permission'), update);
    assert.equal((await s.api('GET', `/user/${user.id}`)).role, user.role, 'Escape changes nothing');
    await page.click(button('Update Permission'));
    const next = user.role === 'streamManager' ? 'analyst' : 'streamManager';
    await page.select(inDialog(update, { label: 'New permission level' }), next);
    await page.waitFor(inDialog(update, { role: 'heading', name: { re: '^Changes from' } }));
    await axe(page, 'Update Permission dialog with a difference');
    await page.click(inDialog(update, button('Confirm')));
    await page.waitFor(status('Permission level changed'));
    const changed = await s.api('GET', `/user/${user.id}`);
    assert.equal(changed.role, next);
    // As in bintu, the role change ended the user's bintu tokens.
    assert.notEqual(changed.tokenKey, user.tokenKey, 'the role change renewed the token key');

    const reset = 'Reset user token?';
    await openAndEscape(page, button('Reset User Token'), reset);
    assert.equal((await s.api('GET', `/user/${user.id}`)).tokenKey, changed.tokenKey, 'Escape keeps the token');
    await page.click(button('Reset User Token'));
    await page.click(inDialog(reset, button('Reset token')));
    await page.waitFor(status('Token reset'));
    assert.notEqual((await s.api('GET', `/user/${user.id}`)).tokenKey, changed.tokenKey);

    const del = 'Delete user?';
    await openAndEscape(page, button('Delete User'), del);
    await page.click(button('Delete User'));
    await page.click(inDialog(del, button('Delete user')));
    await page.until(`location.pathname === ${JSON.stringify(LIST)}`, 'back on the list');
    await page.waitFor(status(`Deleted ${user.email.replace(/\./g, '\\.')}`));
    await assert.rejects(s.api('GET', `/user/${user.id}`), (e) => e.status === 404);
  }));

  test('at 375x812: the mobile menu, and axe on every screen and dialog', (t) => s.withPage(t, async (page) => {
    const width = await page.evaluate('innerWidth');
    assert.equal(width, PHONE.width, 'the viewport is 375 px wide');
    await page.goto(`${s.server.baseUrl}/`);
    await page.waitFor({ label: 'Email' });
    await axe(page, 'login page on a phone');
    await s.loginAs(page, DEMO.admin);
    assert.ok(await page.evaluate(`document.documentElement.scrollWidth <= ${PHONE.width}`), 'no sideways scrolling');
    await axe(page, 'overview on a phone');
    await openAndEscape(page, button('Open menu'), 'Account');
    await page.click(button('Open menu'));
    await page.click({ within: dialog('Account'), role: 'link', name: 'My Organisation' });
    await page.waitFor(dialog('Account'), { state: 'hidden' });

    await page.goto(`${s.server.baseUrl}${LIST}`);
    await page.waitFor('table tbody tr');
    assert.ok(await page.evaluate(`document.documentElement.scrollWidth <= ${PHONE.width}`), 'no sideways scrolling');
    await axe(page, 'user list on a phone');
    await openAndEscape(page, button('Invite New User'), 'Invite New User');
    const user = await s.findUser('jonas.becker@demo-streaming.de');
    await openAndEscape(page, button(`Reset User Token of ${user.email}`), 'Reset user token?');
    await page.goto(`${s.server.baseUrl}${LIST}/${user.id}`);
    await page.waitFor({ role: 'heading', name: user.email, level: 2 });
    await axe(page, 'user page on a phone');
    await openAndEscape(page, button('Update Permission'), 'Update permission');
    await openAndEscape(page, button('Delete User'), 'Delete user?');

    await page.click(button('Open menu'));
    await page.click({ within: dialog('Account'), role: 'button', name: 'Log out' });
    await page.waitFor({ label: 'Email' });
  }, { viewport: PHONE }));

  test('at 820 px (a tablet): the user list\'s rows are cards inside the list\'s card', (t) => s.withPage(t, async (page) => {
    await s.loginAs(page, DEMO.admin, LIST);
    await page.waitFor('table tbody tr');
    // The rows stack by the table's own width (a container query), in every engine.
    const row = await page.evaluate(`(() => {
      const card = document.querySelector('.oc-users-card').getBoundingClientRect();
      const tr = document.querySelector('table.oc-users tbody tr');
      const r = tr.getBoundingClientRect();
      return { display: getComputedStyle(tr).display, inside: r.left >= card.left && r.right <= card.right };
    })()`);
    assert.deepEqual(row, { display: 'block', inside: true });
    assert.ok(await page.evaluate(`document.documentElement.scrollWidth <= ${TABLET.width}`), 'no sideways scrolling');
    await axe(page, 'user list on a tablet');
  }, { viewport: TABLET }));

  /**
   * The screens and dialogs the flows above do not pass through, checked with axe:
   * the VOD confirmation, a pending invitation's Revoke dialog, an unknown user, an
   * invalid invitation link and User Management without access.
   */
  async function otherScreens(page, where, viewport) {
    await s.loginAs(page, DEMO.admin);
    await openAndEscape(page, { role: 'switch', name: 'Public VOD access' }, 'Make VOD content public?');
    const { invite } = await s.api('POST', '/invite', { body: { role: 'streamManager', expiresInHours: 24 } });
    await page.goto(`${s.server.baseUrl}${LIST}`);
    await page.waitFor({ role: 'region', name: 'Pending invitations' });
    await openAndEscape(page, button(`Revoke the Stream Manager invitation from ${DEMO.admin}`), 'Revoke invitation?');
    await s.api('DELETE', `/invite/${invite.id}`);
    await page.goto(`${s.server.baseUrl}${LIST}/999999`);
    await page.waitFor({ role: 'heading', name: 'User not found' });
    await axe(page, `user not found ${where}`);
    await page.goto(`${s.server.baseUrl}/invite/not-a-valid-token`);
    await page.waitFor({ role: 'heading', name: 'This invitation is no longer valid', level: 1 });
    await axe(page, `invalid invitation ${where}`);
    await s.withPage(`no access ${where}`, async (reader) => {
      await s.loginAs(reader, DEMO.readonly, LIST);
      await reader.waitFor({ role: 'heading', name: 'No access to User Management' });
      await axe(reader, `User Management without access ${where}`);
    }, { viewport });
  }

  test('axe on the other screens and dialogs, desktop', (t) => s.withPage(t, (page) => otherScreens(page, 'on desktop', undefined)));
  test('axe on the other screens and dialogs, 375x812', (t) => s.withPage(t, (page) => otherScreens(page, 'on a phone', PHONE), { viewport: PHONE }));

  test('embedded in the example host: its login only, host and console routes with back and forward, the dark theme', (t) => s.withPage(t, async (page) => {
    const consoleRoot = 'org-console .oc-root';
    await openEmbedded(page);
    // The host's session: the organisation, with no login form of the console's own.
    await page.waitFor({ role: 'heading', name: s.org.name, level: 1 });
    assert.equal(await page.evaluate(`document.querySelectorAll('org-console input[type=password]').length`), 0);
    await axe(page, 'console embedded in the example host');

    await page.click({ within: { role: 'navigation', name: 'Organisation sections' }, role: 'link', name: 'User Management' });
    await page.waitFor({ role: 'table' });
    assert.equal(await pathOf(page), '/embed/org/organisation/users');

    // The theme changes live: the same console, now dark, and still axe-clean.
    const before = await page.evaluate(`(window.__ocRoot = document.querySelector('${consoleRoot}'), 1)`);
    assert.equal(before, 1);
    await page.select({ css: 'select[name=console-theme]' }, 'dark');
    await page.until(`getComputedStyle(document.querySelector('${consoleRoot}')).colorScheme === 'dark'`, 'the dark colour scheme');
    assert.equal(await page.evaluate(`window.__ocRoot === document.querySelector('${consoleRoot}')`), true, 'no remount');
    // The controls fade to their new colours (CSS transitions): check what they end at.
    await page.until('document.getAnimations().length === 0', 'the colour transitions to end');
    await axe(page, 'embedded console, dark theme');

    // A host route unmounts the console; Back brings it back where it was.
    await page.click({ within: { role: 'navigation', name: 'Portal' }, role: 'link', name: 'Player' });
    await page.waitFor({ role: 'heading', name: 'Player' });
    await page.until(`document.querySelector('org-console') === null`, 'the console unmounted');
    await page.run('history.back()');
    await page.waitFor({ role: 'table' });
    assert.equal(await pathOf(page), '/embed/org/organisation/users');
    await page.run('history.back()');
    // The frame's heading is on both pages: wait for the address, then the Overview.
    await page.until(`location.pathname === '/embed/org/organisation/overview'`, 'back on the Overview');
    await page.waitFor({ role: 'heading', name: 'API Access' });
    await page.run('history.forward()');
    await page.waitFor({ role: 'table' });
  }));

  test('embedded: a trap in the console\'s wasm reaches the host as org-console:error (render)', (t) => s.withPage(t, async (page) => {
    await openEmbedded(page);
    await page.waitFor({ role: 'heading', name: s.org.name, level: 1 });
    // Each engine writes a trap's stack its own way; org-console.js reads all three.
    await page.run(`
      window.__ocErrors = [];
      document.addEventListener('org-console:error', (e) => window.__ocErrors.push(e.detail));
    `);
    await page.run(PROVOKE_TRAP);
    await page.until(`window.__ocErrors.length > 0`, 'an org-console:error');
    const errors = await page.evaluate('JSON.stringify(window.__ocErrors)');
    const [error, ...more] = JSON.parse(errors);
    assert.equal(more.length, 0, errors);
    assert.equal(error.type, 'render');
    assert.match(error.message, /^the console stopped: /);
  }));

  test('an expired session sends the user to log in and back', (t) => s.withPage(t, async (page) => {
    await s.loginAs(page, DEMO.readonly, '/organisation/overview');
    // The Overview's own requests done (its code arrives after the frame's heading):
    // the next request is the first to meet the expired session.
    const nextTags = { within: { role: 'region', name: 'Tags' }, role: 'button', name: 'Next page' };
    await page.waitFor(nextTags);
    await advanceClock(s.server, 9 * 3600);
    await page.click(nextTags);
    // The failed request's own error box says the same sentence a moment before the
    // session ends: wait for the login page, then for its notice.
    await page.until(`location.pathname === '/login'`, 'the login page');
    await page.waitFor({ within: { role: 'status' }, text: { re: 'Your session has expired' } });
    await axe(page, 'login page after expiry');
    await page.fill({ label: 'Email' }, DEMO.readonly);
    await page.fill({ label: 'Password' }, DEMO.password);
    await page.click(button('Log in'));
    await page.waitFor({ role: 'heading', name: s.org.name, level: 1 });
    assert.equal(await pathOf(page), '/organisation/overview');
  }));
});


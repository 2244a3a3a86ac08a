// The wasm split by route: a first visit fetches only its own page's chunk, the other
// pages' chunks follow while the browser is idle (or when a tab is hovered), and a
// chunk that cannot be fetched shows a calm message with Retry, never a dead page.
// The same for a page's parts (its dialogs): not in the first visit, fetched once the
// page has settled or when first opened.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectFocused, expectNoAxeViolations } from './support/browser.mjs';
import { LIST, suite } from './support/fixture.mjs';

/** The split module of a page (`split_<name>.wasm` in the build's wasm folder). */
const split = (name) => new RegExp(`/wasm-[0-9a-f]{16}/split_${name}\\.wasm$`);
/** A first screen's page and chunks in one file (`pack_<name>.wasm`, xtask/src/packs.rs). */
const pack = (name) => new RegExp(`/wasm-[0-9a-f]{16}/pack_${name}\\.wasm$`);
/** Every wasm file of the build but the main module. */
const CHUNK_FILE = /\/wasm-[0-9a-f]{16}\/(?!org-console_bg)[a-z_0-9]+\.wasm$/;
const FAILED = 'This part of the console could not be loaded';
/** How long after a page came its parts are prefetched (`PREFETCH_AFTER_MS`, lazy_page.rs). */
const PAGE_PREFETCH_AFTER_MS = 3_000;

/** The names of the splits `page` fetches from now on, in order, on their own or packed. */
function splitsFetched(page) {
  const fetched = [];
  page.on('request', (r) => {
    const m = /\/(?:split|pack)_([a-z_]+)\.wasm$/.exec(new URL(r.url()).pathname);
    if (m) fetched.push(m[1]);
  });
  return fetched;
}

/** This document's wasm fetches but the main module's, in order: file name and initiator. */
function chunkFilesFetched(page) {
  return page.evaluate((pattern) => performance.getEntriesByType('resource')
    .filter((e) => new RegExp(pattern).test(new URL(e.name).pathname))
    .map((e) => ({ file: new URL(e.name).pathname.split('/').pop(), by: e.initiatorType })),
  CHUNK_FILE.source);
}

/**
 * Makes the split `name` fail to load while `.failing` is true (it starts so), on its
 * own and in its pack.
 */
async function failSplit(page, name) {
  const chunk = { failing: true };
  const fail = (route) => (chunk.failing ? route.abort('connectionfailed') : route.continue());
  await page.route(split(name), fail);
  await page.route(pack(name), fail);
  return chunk;
}

/** The notice a part that failed to load shows, once it is there; axe checks the page. */
async function partFailedNotice(page, what) {
  const alert = page.getByRole('alert').filter({ hasText: `${FAILED}.` });
  await alert.waitFor();
  await expectNoAxeViolations(page, what);
  return alert;
}

describe('the wasm split by route', () => {
  const s = suite();

  test('a first visit needs only its own page; the others follow once it is shown', (t) =>
    s.withPage(t, async (page) => {
      const fetched = splitsFetched(page);
      // Every other page's chunk is held back: the login page and the Overview must
      // come up without them.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/\/split_(?!overview|login)[a-z_]+\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.deepEqual(fetched.slice(0, 2), ['login', 'overview']);
      release();
      // The idle prefetch: User Management opens from the cache, no loading line.
      await page.waitForResponse(split('users'));
      await page.getByRole('link', { name: 'User Management' }).click();
      await page.locator('table tbody tr').first().waitFor();
      assert.equal(fetched.filter((n) => n === 'users').length, 1, 'fetched once');
    }));

  test('a deep link preloads its page and chunks in one pack beside the main module', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      await page.goto(new URL(LIST, s.server.baseUrl).href);
      await page.locator('table tbody tr').first().waitFor();
      const fetched = await chunkFilesFetched(page);
      // The pack first, asked for by early-session.js's <link rel=preload> and used by
      // the chunk loader; the page's own files never on their own.
      assert.deepEqual(fetched[0], { file: 'pack_users.wasm', by: 'link' });
      const files = fetched.map((f) => f.file);
      assert.equal(files.filter((f) => f === 'pack_users.wasm').length, 1, 'fetched once');
      assert.ok(!files.includes('split_users.wasm'), `fetched: ${files.join(', ')}`);
    }));

  test('the first page\'s pack compiles while the main module still downloads', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      // The main module's compile is instantiateStreaming's; WebAssembly.compile is
      // the chunk loader reading a pack.
      await page.addInitScript(() => {
        const compile = WebAssembly.compile;
        window.packModulesCompiled = 0;
        WebAssembly.compile = (...args) => {
          window.packModulesCompiled += 1;
          return compile.apply(WebAssembly, args);
        };
      });
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/\/org-console_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(new URL(LIST, s.server.baseUrl).href, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.packModulesCompiled > 0);
      release();
      await page.locator('table tbody tr').first().waitFor();
      assert.equal(await page.getByText(FAILED).count(), 0);
    }));

  test('a first visit draws the frame and its page together, with no loading line between', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      // Records whether the page's loading line ever entered the document, and whether
      // the frame's heading did before the page's own.
      await page.addInitScript((loading) => {
        window.__seen = { loading: false, frameAlone: false };
        new MutationObserver(() => {
          const text = document.body?.textContent ?? '';
          if (text.includes(loading)) window.__seen.loading = true;
          if (document.querySelector('h1') && !document.querySelector('.oc-users-page')) window.__seen.frameAlone = true;
        }).observe(document, { childList: true, subtree: true, characterData: true });
      }, 'Loading User Management…');
      for (let visit = 0; visit < 3; visit++) {
        await page.goto(new URL(LIST, s.server.baseUrl).href);
        await page.locator('table tbody tr').first().waitFor();
        assert.deepEqual(await page.evaluate(() => window.__seen), { loading: false, frameAlone: false }, `visit ${visit}`);
      }
    }));

  test('a slow first page: the frame comes without it, with a loading line, and the page follows', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      const hold = async (route) => {
        await held;
        await route.continue();
      };
      await page.route(pack('users'), hold);
      await page.route(split('users'), hold);
      await page.goto(new URL(LIST, s.server.baseUrl).href);
      // The start waits for the page's code a moment only (FIRST_PAGE_WAIT_MS).
      await page.getByRole('heading', { level: 1, name: s.org.name }).waitFor({ timeout: 5_000 });
      await page.getByRole('status').filter({ hasText: 'Loading User Management…' }).waitFor();
      release();
      await page.locator('table tbody tr').first().waitFor();
      assert.equal(await page.getByText(FAILED).count(), 0);
    }));

  test('a pack that cannot be had: the page\'s files come one by one', (t) =>
    s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      await page.route(pack('users'), (route) => route.fulfill({ status: 503, body: 'busy' }));
      await page.goto(new URL(LIST, s.server.baseUrl).href);
      await page.locator('table tbody tr').first().waitFor();
      assert.equal(await page.getByText(FAILED).count(), 0);
      // Of this document only: the Overview's idle fetches may still come before it.
      const files = (await chunkFilesFetched(page)).map((f) => f.file).filter((f) => f.endsWith('_users.wasm'));
      assert.deepEqual(files, ['pack_users.wasm', 'split_users.wasm'], 'the pack, then the split on its own');
    }));

  test('a chunk that fails shows a calm message; Retry loads it', (t) =>
    s.withPage(t, async (page) => {
      const chunk = await failSplit(page, 'users');
      await s.loginAs(page, DEMO.admin, LIST);
      const alert = page.getByRole('alert').filter({ hasText: FAILED });
      await alert.waitFor();
      // The frame around it still works: the tabs, the header, the menu.
      await page.getByRole('heading', { level: 1, name: s.org.name }).waitFor();
      await expectNoAxeViolations(page, 'chunk failed');

      chunk.failing = false;
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.locator('table tbody tr').first().waitFor();
      assert.equal(await page.getByText(FAILED).count(), 0);
      // The failure was not remembered: another page works as well.
      await page.getByRole('link', { name: 'Overview' }).click();
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
    }));

  test('a dialog\'s chunk waits until the page has settled; a failed one says so, Retry opens it', (t) =>
    s.withPage(t, async (page) => {
      const fetched = splitsFetched(page);
      const chunk = await failSplit(page, 'invite_dialog');
      await s.loginAs(page, DEMO.admin, LIST);
      await page.locator('table tbody tr').first().waitFor();
      assert.ok(!fetched.includes('invite_dialog') && !fetched.includes('bulk_dialog'),
        `no dialog in the first visit: ${fetched}`);

      const invite = page.getByRole('button', { name: 'Invite New User' });
      await invite.click();
      const alert = await partFailedNotice(page, 'dialog chunk failed');
      // The page's idle prefetch (3 s after it came) is not a retry: the notice stays,
      // and the part is not fetched behind the user's back, even where it now would load.
      chunk.failing = false;
      const asked = fetched.length;
      await page.waitForTimeout(PAGE_PREFETCH_AFTER_MS + 500);
      assert.ok(!fetched.slice(asked).includes('invite_dialog'), 'no fetch without Retry');
      assert.ok(await alert.isVisible(), 'the notice stays');
      chunk.failing = true;
      // Dismiss gives up on the dialog; the button asks again.
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'detached' });
      assert.ok(await invite.evaluate((b) => b === document.activeElement), 'focus back on the button');
      await invite.click();
      await alert.waitFor();

      chunk.failing = false;
      await alert.getByRole('button', { name: 'Retry' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite New User' });
      await dialog.waitFor();
      assert.equal(await alert.count(), 0);
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus in the dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.ok(await invite.evaluate((b) => b === document.activeElement), 'focus back on the button');

      // The page's other dialog arrives while the browser is idle, unasked.
      await page.waitForFunction(() => performance.getEntriesByType('resource')
        .some((e) => /split_bulk_dialog\.wasm$/.test(e.name)), null, { timeout: 15_000 });
    }));

  test('a page\'s confirmation is a part too: a failed fetch says so, Retry opens it', (t) =>
    s.withPage(t, async (page) => {
      const fetched = splitsFetched(page);
      const chunk = await failSplit(page, 'dialog');
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      const sw = page.getByRole('switch', { name: 'Public VOD access' });
      await sw.waitFor();
      assert.ok(!fetched.includes('dialog'), `no dialog in the first visit: ${fetched}`);

      await sw.click();
      const alert = await partFailedNotice(page, 'confirmation chunk failed');
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'detached' });
      await expectFocused(sw, 'focus back on the switch after Dismiss');
      assert.equal(await sw.getAttribute('aria-checked'), 'false', 'nothing changed');

      await sw.click();
      await alert.waitFor();
      chunk.failing = false;
      await alert.getByRole('button', { name: 'Retry' }).click();
      const dialog = page.getByRole('dialog', { name: 'Make VOD content public?' });
      await dialog.waitFor();
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus in the dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expectFocused(sw, 'focus back on the switch');
      assert.equal(await sw.getAttribute('aria-checked'), 'false', 'Escape changed nothing');
    }));

  test('a dialog part brings the dialog\'s code beside it, not after it', (t) =>
    s.withPage(t, async (page) => {
      const fetched = splitsFetched(page);
      // The part's chunk is held for up to 1.5 s (well before the idle prefetch)
      // waiting for the dialog's to be asked for.
      let beside = false;
      await page.route(split('delete_user_dialog'), async (route) => {
        for (let waited = 0; waited < 1_500 && !fetched.includes('dialog'); waited += 50) {
          await new Promise((resolve) => { setTimeout(resolve, 50); });
        }
        beside = fetched.includes('dialog');
        await route.continue();
      });
      await s.loginAs(page, DEMO.admin, '/organisation/users/2');
      const opener = page.getByRole('button', { name: 'Delete User', exact: true });
      await opener.waitFor();
      assert.ok(!fetched.includes('dialog') && !fetched.includes('delete_user_dialog'),
        `neither in the first visit: ${fetched}`);
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'Delete user?' });
      await dialog.waitFor();
      assert.ok(beside, 'the dialog\'s chunk was asked for while the part\'s was on its way');
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus in the dialog');
      await page.keyboard.press('Escape');
      await expectFocused(opener, 'focus back on the button');
    }));

  test('the pending invitations come once the list is shown, for a role that sees them; a failed fetch says so', (t) =>
    s.withPage(t, async (page) => {
      const fetched = splitsFetched(page);
      const chunk = await failSplit(page, 'pending_invites');
      await s.loginAs(page, DEMO.admin, LIST);
      await page.locator('table tbody tr').first().waitFor();
      const alert = page.getByRole('alert').filter({ hasText: `${FAILED}.` });
      await alert.waitFor();
      // Asked for by the page once its list was shown, not preloaded with the route.
      const how = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => /split_pending_invites\.wasm$/.test(e.name))
        .map((e) => e.initiatorType));
      assert.ok(how.length > 0 && !how.includes('link'), `fetched by the page: ${how}`);
      await expectNoAxeViolations(page, 'pending invitations chunk failed');
      chunk.failing = false;
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('region', { name: 'Pending invitations' }).waitFor();
      assert.equal(await alert.count(), 0);

      // A member sees no invitations: their code is not fetched at all.
      const member = await page.context().newPage();
      const memberFetched = splitsFetched(member);
      await s.loginAs(member, DEMO.user, LIST);
      await member.locator('table tbody tr').first().waitFor();
      await member.waitForTimeout(500);
      assert.ok(!memberFetched.includes('pending_invites'), `not for a member: ${memberFetched}`);
      await member.close();
    }));

  test('the Overview\'s lower cards come after the cards above them, all at once, and leave the focus alone; a failed fetch says so', (t) =>
    s.withPage(t, async (page) => {
      // Held until the user is on a control above them: their arrival then must not
      // move the focus.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      let failing = false;
      await page.route(split('overview_lower'), async (route) => {
        if (failing) return route.abort('connectionfailed');
        await held;
        return route.continue();
      });
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      const reveal = page.getByRole('button', { name: 'Reveal API Key' });
      await reveal.focus();
      assert.equal(await page.getByLabel('Webhook URL').count(), 0, 'not before their chunk');
      release();
      await page.getByRole('heading', { name: 'Tags' }).waitFor();
      // The webhook, VOD access and tags came together: nothing moves under the tags.
      await page.getByLabel('Webhook URL').waitFor();
      await page.getByRole('heading', { name: 'VOD Public Accessibility' }).waitFor();
      await page.waitForTimeout(200);
      assert.ok(await reveal.evaluate((el) => el === document.activeElement), 'the focus stayed on the button');

      failing = true;
      await page.reload();
      const alert = await partFailedNotice(page, 'lower cards chunk failed');
      failing = false;
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { name: 'Tags' }).waitFor();
      await page.getByLabel('Webhook URL').waitFor();
      assert.equal(await alert.count(), 0);
    }));

  test('the bulk bar comes with the first ticked box if not before; a failed fetch says so, Dismiss clears the selection', (t) =>
    s.withPage(t, async (page) => {
      const fetched = splitsFetched(page);
      const chunk = await failSplit(page, 'bulk_bar');
      await s.loginAs(page, DEMO.admin, LIST);
      const box = page.getByRole('checkbox', { name: `Select ${DEMO.user}`, exact: true });
      await box.waitFor();
      assert.ok(!fetched.includes('bulk_bar'), `not in the first visit: ${fetched}`);

      await box.check();
      const alert = await partFailedNotice(page, 'bulk bar chunk failed');
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'detached' });
      assert.equal(await box.isChecked(), false, 'the selection was cleared');
      await expectFocused(box, 'focus back on the box');

      await box.check();
      await alert.waitFor();
      chunk.failing = false;
      await alert.getByRole('button', { name: 'Retry' }).click();
      const bar = page.getByRole('region', { name: 'Selected users' });
      await bar.getByText('1 user selected').waitFor();
      assert.equal(await alert.count(), 0);
    }));

  test('a user\'s page: the recent activity comes after it, the role\'s permissions when opened; failed fetches say so', (t) =>
    s.withPage(t, async (page) => {
      const failing = new Set(['recent_activity', 'role_overview']);
      await page.route(/\/split_(recent_activity|role_overview)\.wasm$/, (route) => {
        const name = /split_([a-z_]+)\.wasm$/.exec(route.request().url())[1];
        return failing.has(name) ? route.abort('connectionfailed') : route.continue();
      });
      await s.loginAs(page, DEMO.admin, '/organisation/users/2');
      await page.getByRole('heading', { name: 'Assigned role' }).waitFor();
      const alert = await partFailedNotice(page, 'recent activity chunk failed');
      failing.delete('recent_activity');
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
      await alert.waitFor({ state: 'detached' });

      const summary = page.getByText('Permission Overview', { exact: true });
      await summary.click();
      await alert.waitFor();
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'detached' });
      assert.equal(await page.locator('details').evaluate((d) => d.open), false, 'the details closed');
      await summary.click();
      await alert.waitFor();
      failing.delete('role_overview');
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.locator('details').getByRole('heading', { name: /^Permissions \(\d+\)$/ }).waitFor();
      await expectNoAxeViolations(page, 'a user\'s page with the role explained');
    }));

  test('the account menu comes after the first screen and still opens from the keyboard at once', (t) =>
    s.withPage(t, async (page) => {
      const fetched = splitsFetched(page);
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.ok(!fetched.includes('profile_menu') && !fetched.includes('nav_drawer'),
        `no menu in the first visit: ${fetched}`);

      const button = page.getByRole('button', { name: 'Account menu' });
      await button.focus();
      await page.keyboard.press('ArrowUp');
      const logOut = page.getByRole('menuitem', { name: 'Log out' });
      await logOut.waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Log out');
      await page.keyboard.press('Escape');
      await logOut.waitFor({ state: 'detached' });
      assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus back on the button');
      assert.equal(fetched.filter((n) => n === 'profile_menu').length, 1, 'fetched once');
    }));

  test('an invitation explains its role when its details open; a failed fetch says so, Retry shows it', (t) =>
    s.withPage(t, async (page) => {
      const { token } = await s.api('POST', '/invite', { body: { role: 'streamManager', expiresInHours: 24 } });
      const fetched = splitsFetched(page);
      const chunk = await failSplit(page, 'role_overview');
      await page.goto(`${s.server.baseUrl}/invite/${token}`);
      const summary = page.getByText('What Stream Manager allows');
      await summary.waitFor();
      assert.ok(!fetched.includes('role_overview'), `not in the first visit: ${fetched}`);

      await summary.click();
      const alert = await partFailedNotice(page, 'role explanation chunk failed');
      // Dismiss gives up and closes the details; opening them asks again.
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'detached' });
      assert.equal(await page.locator('details').evaluate((d) => d.open), false, 'the details closed');
      await summary.click();
      await alert.waitFor();

      chunk.failing = false;
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.locator('details').getByRole('heading', { name: /^Permissions \(\d+\)$/ }).waitFor();
      assert.equal(await alert.count(), 0);
      await expectNoAxeViolations(page, 'invitation with its role explained');
    }));
});

// The console in German (issue 21): the browser's language decides on a first visit,
// a choice on the login page or in the profile menu overrides it and is remembered on
// this device, and an embedded console follows its host's `lang` live. The main flows
// run in German with axe at budget zero, at desktop and phone width.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectNoAxeViolations, openApp, saveScreenshot } from './support/browser.mjs';
import { LIST, suite } from './support/fixture.mjs';
import { expectTableInsideCard } from './support/users.mjs';
import { HOST, consoleElement, hostLogin, openOrganisation, orgHeading } from './support/embedding.mjs';

const GERMAN = { contextOptions: { locale: 'de-DE' } };
/** The chunk of the German words (src/lang/german.rs). */
const GERMAN_WORDS = /\/wasm-[0-9a-f]{16}\/split_german\.wasm$/;

/** Logs in with the German form. */
async function anmelden(page, email) {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Opens the Overview in an English browser and logs in with the English form. */
async function logInToOverview(page, baseUrl) {
  await openApp(page, baseUrl, '/organisation/overview');
  await page.getByLabel('Email').fill(DEMO.admin);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'API Access' }).waitFor();
}

/** No element wider than the viewport (German words are long). */
async function expectNoOverflow(page, label) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `${label}: the page scrolls sideways by ${wide}px`);
}

describe('German', () => {
  const s = suite();

  test('a German browser gets the login page, errors and Overview in German', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, s.server.baseUrl, '/login');
      await page.getByRole('heading', { name: 'Bei Ihrer Organisation anmelden' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      await expectNoAxeViolations(page, 'login page (de)');

      // An error from the API, in German.
      await page.getByLabel('E-Mail-Adresse').fill(DEMO.admin);
      await page.getByLabel('Passwort', { exact: true }).fill('falsches-passwort');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();

      await anmelden(page, DEMO.admin);
      await page.getByRole('heading', { name: s.org.name, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      // The cards after the packages and API access come a moment later (a part).
      await page.getByRole('heading', { name: 'Öffentlicher VOD-Zugriff' }).waitFor();
      for (const word of ['Übersicht', 'Benutzerverwaltung', 'Aktivierte Pakete', 'Öffentlicher VOD-Zugriff']) {
        assert.ok(await page.getByText(word).first().isVisible(), `"${word}" should be shown`);
      }
      await saveScreenshot(page, 'de-overview-desktop');
      await expectNoAxeViolations(page, 'Overview (de)');
    }, GERMAN);
  });

  test('the user list filtered and searched, the invitation and the user page dialogs in German', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, s.server.baseUrl, LIST);
      await anmelden(page, DEMO.admin);
      const table = page.getByRole('table', { name: 'Benutzer' });
      await table.waitFor();
      await page.getByRole('columnheader', { name: 'Berechtigungsstufe' }).waitFor();

      await page.getByRole('navigation', { name: 'Nach Rolle filtern' }).getByRole('link', { name: /^Admin/ }).click();
      await page.waitForURL(/role=/);
      await page.getByLabel('Nach E-Mail-Adresse suchen').fill('gibt-es-nicht');
      await page.getByText('Keine Benutzer passen zu „gibt-es-nicht“.').waitFor();
      await expectNoAxeViolations(page, 'user list, nothing found (de)');
      await page.getByText('Alle Benutzer anzeigen').click();
      await table.locator('tbody tr').first().waitFor();
      await expectNoAxeViolations(page, 'user list (de)');
      await expectTableInsideCard(page, 'user list (de)');
      // At 1280 px German's longer labels fit the table's columns: nothing scrolls sideways.
      const sideways = await page.locator('.oc-table-wrap').evaluate((w) => w.scrollWidth - w.clientWidth);
      assert.ok(sideways <= 0, `the user table scrolls sideways by ${sideways}px`);
      await saveScreenshot(page, 'de-users-desktop');

      // The invitation dialog.
      await page.getByRole('button', { name: 'Neuen Benutzer einladen' }).first().click();
      const invite = page.getByRole('dialog', { name: 'Neuen Benutzer einladen' });
      await invite.waitFor();
      await invite.getByLabel('Link gültig für').waitFor();
      await expectNoAxeViolations(page, 'invitation dialog (de)');
      await invite.getByRole('button', { name: 'Abbrechen' }).click();
      await invite.waitFor({ state: 'hidden' });

      // The user page and its three dialogs.
      await page.goto(new URL(`${LIST}/${(await s.findUser(DEMO.user)).id}`, s.server.baseUrl).href);
      await page.getByRole('heading', { name: DEMO.user }).waitFor();
      await page.getByText('Erstellt am (UTC)').first().waitFor();
      for (const [button, title] of [
        ['Berechtigung ändern', 'Berechtigung ändern'],
        ['Benutzer-Token zurücksetzen', 'Benutzer-Token zurücksetzen?'],
        ['Benutzer löschen', 'Benutzer löschen?'],
      ]) {
        await page.getByRole('button', { name: button, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: title });
        await dialog.waitFor();
        await expectNoAxeViolations(page, `${title} (de)`);
        await dialog.getByRole('button', { name: 'Abbrechen' }).click();
        await dialog.waitFor({ state: 'hidden' });
      }
      // Dates in German, still UTC: "3. Dez. 2026, 06:59 UTC".
      const created = await page.locator('.oc-root').innerText();
      assert.match(created, /\d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,4}\.? \d{4}, \d{2}:\d{2} UTC/);
    }, GERMAN);
  });

  test('the activity log in German: invitations (one by the API key), the VOD flag and a first webhook', async (t) => {
    // The API's own words ("invite #7", "public", no webhook, its key) are shown in German too.
    await s.api('PUT', '/organisation/webhook', { body: { webhook: '' } });
    await s.api('PUT', '/organisation/webhook', { body: { webhook: 'https://hooks.example.com/publish' } });
    await s.api('PUT', '/organisation/vod', { body: { public: true } });
    await s.api('PUT', '/organisation/vod', { body: { public: false } });
    const { invite } = await s.api('POST', '/invite', { body: { role: 'nanoUser', expiresInHours: 24 } });
    // One made with the organisation's API key: there is no user to name.
    const byKey = await fetch(`${s.server.apiUrl}/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-BINTU-APIKEY': s.org.apiKey },
      body: JSON.stringify({ role: 'nanoReadOnly', expiresInHours: 24 }),
    });
    assert.equal(byKey.status, 201);
    const keyInvite = (await byKey.json()).invite;
    await s.withPage(t, async (page) => {
      await openApp(page, s.server.baseUrl, '/organisation/activity');
      await anmelden(page, DEMO.admin);
      const log = page.locator('ol.oc-activity');
      await log.getByText(`hat Einladung #${invite.id} für die Rolle`).waitFor();
      const text = await log.innerText();
      assert.ok(text.includes(`API-Schlüssel der Organisation hat Einladung #${keyInvite.id} für die Rolle`), text);
      assert.ok(text.includes('hat den VOD-Zugriff von öffentlich zu privat geändert'), text);
      assert.ok(text.includes('hat den Webhook von keinem zu https://hooks.example.com/publish geändert'), text);
      assert.doesNotMatch(text, /invite #|\bpublic\b|\bprivate\b|\bnone\b|API key/);
      await expectNoAxeViolations(page, 'activity log (de)');

      // The pending invitations name the key the same way.
      await page.getByRole('link', { name: 'Benutzerverwaltung' }).click();
      const invites = page.getByRole('table', { name: 'Offene Einladungen' });
      await invites.getByText('API-Schlüssel der Organisation').waitFor();
      assert.doesNotMatch(await invites.innerText(), /API key/);
    }, GERMAN);
  });

  test('the mobile menu at 375x812 has the Account section and the language choice in German', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, s.server.baseUrl, '/organisation/overview');
      await anmelden(page, DEMO.admin);
      await page.getByRole('heading', { name: s.org.name, level: 1 }).waitFor();
      await expectNoOverflow(page, 'Overview at 375 px (de)');
      const hiddenTabs = await page.locator('.oc-tabs').evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(hiddenTabs <= 0, `the tabs are cut off by ${hiddenTabs}px at 375 px`);
      await saveScreenshot(page, 'de-overview-phone');
      // The user list as cards, each cell labelled in German.
      await page.getByRole('link', { name: 'Benutzerverwaltung' }).click();
      await page.getByRole('table', { name: 'Benutzer' }).locator('tbody tr').first().waitFor();
      await expectNoOverflow(page, 'user list at 375 px (de)');
      await expectNoAxeViolations(page, 'user list at 375 px (de)');
      await saveScreenshot(page, 'de-users-phone');
      await page.getByRole('link', { name: 'Übersicht' }).click();
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      await page.getByRole('button', { name: 'Menü öffnen' }).click();
      const drawer = page.getByRole('dialog', { name: 'Konto' });
      await drawer.waitFor();
      await drawer.getByRole('link', { name: 'Meine Organisation' }).waitFor();
      await drawer.getByLabel('Sprache').waitFor();
      await expectNoAxeViolations(page, 'mobile menu (de)');
      await saveScreenshot(page, 'de-menu-phone');

      // Switching to English from the mobile menu: the words change, the page stays.
      await drawer.getByLabel('Sprache').selectOption('en');
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.match(page.url(), /\/organisation\/overview$/);
      await expectNoOverflow(page, 'Overview at 375 px (en)');
    }, { viewport: { width: 375, height: 812 }, ...GERMAN });
  });

  test('a choice in the profile menu overrides the browser and is remembered on this device', async (t) => {
    await s.withPage(t, async (page) => {
      const german = [];
      page.on('request', (r) => {
        if (GERMAN_WORDS.test(new URL(r.url()).pathname)) german.push(r.url());
      });
      await logInToOverview(page, s.server.baseUrl);
      // The German words are a chunk of their own: an English visit never fetches it.
      assert.deepEqual(german, []);

      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      // The focus is back on the menu's button, not lost on the body.
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Kontomenü');
      await page.getByRole('button', { name: 'Kontomenü' }).click();
      assert.equal(await page.getByRole('menuitemradio', { name: 'Deutsch' }).getAttribute('aria-checked'), 'true');
      await expectNoAxeViolations(page, 'profile menu (de)');
      await page.keyboard.press('Escape');

      assert.equal(german.length, 1, 'the German words were fetched once');

      await page.reload();
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      // Only the language is stored, never the session.
      const stored = await page.evaluate(() => ({ ...localStorage }));
      assert.deepEqual(Object.keys(stored), ['org-console.language']);
      // A start in German fetches its words beside the main module
      // (public/early-session.js), not after it.
      const how = await page.evaluate((source) => performance.getEntriesByType('resource')
        .filter((e) => new RegExp(source).test(new URL(e.name).pathname))
        .map((e) => e.initiatorType), GERMAN_WORDS.source);
      assert.deepEqual(how, ['link']);
    });
  });

  test('English chosen again while the German words load: English stays when they arrive', async (t) => {
    await s.withPage(t, async (page) => {
      let arrived;
      const german = new Promise((resolve) => { arrived = resolve; });
      await page.route(GERMAN_WORDS, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
        arrived();
      });
      await logInToOverview(page, s.server.baseUrl);

      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitemradio', { name: 'English' }).click();
      await german;
      await page.waitForTimeout(300);
      assert.ok(await page.getByRole('heading', { name: 'API Access' }).isVisible());
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await page.evaluate(() => localStorage.getItem('org-console.language')), 'en');
    });
  });

  test('German words that cannot be loaded: English stays, a notice offers to try again', async (t) => {
    await s.withPage(t, async (page) => {
      let failing = true;
      await page.route(GERMAN_WORDS, (route) => (failing ? route.abort('connectionfailed') : route.continue()));
      await logInToOverview(page, s.server.baseUrl);

      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
      const notice = page.getByRole('alert').filter({ hasText: 'Deutsch could not be loaded' });
      await notice.waitFor();
      // Nothing else changed: the page is in English, and the choice is not kept.
      assert.ok(await page.getByRole('heading', { name: 'API Access' }).isVisible());
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await page.evaluate(() => localStorage.getItem('org-console.language')), null);
      await expectNoAxeViolations(page, 'German words failed');

      failing = false;
      await notice.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      assert.equal(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count(), 0);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    });
  });

  test('embedded, the console follows its host: <org-console lang> and update({ locale }) switch it live', async (t) => {
    await s.withPage(t, async (page) => {
      await hostLogin(page, s.server.baseUrl);
      await openOrganisation(page, s.org);
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      await page.evaluate(() => { document.querySelector('org-console').dataset.mark = 'same'; });

      await consoleElement(page).evaluate((el) => el.setAttribute('lang', 'de'));
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      assert.equal(await page.locator('org-console .oc-root').getAttribute('lang'), 'de');
      // The host page keeps its own language; the console was not remounted.
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await consoleElement(page).getAttribute('data-mark'), 'same');
      await expectNoAxeViolations(page, 'embedded console (de)');

      await consoleElement(page).evaluate((el) => el.console.update({ locale: 'en' }));
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      await orgHeading(page, s.org).waitFor();
      assert.equal(await page.locator('org-console .oc-root').getAttribute('lang'), 'en');
      assert.ok(page.url().endsWith(HOST.overview), page.url());
    });
  });

  test('the example host in German: its Language select switches the portal and the console live', async (t) => {
    await s.withPage(t, async (page) => {
      await hostLogin(page, s.server.baseUrl);
      await openOrganisation(page, s.org);
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      await page.locator('.host-language__select').selectOption('de');
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      await page.getByRole('button', { name: 'Abmelden' }).first().waitFor();
      await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Organisation' }).waitFor();
      await page.getByRole('navigation', { name: 'Brotkrümelpfad' }).getByRole('link', { name: 'ACME Partnerportal' }).waitFor();
      await expectNoAxeViolations(page, 'example host and console (de)');
      await saveScreenshot(page, 'de-example-host');

      // A page of the portal itself, then back: the console mounts in German.
      await page.getByRole('link', { name: 'Streams' }).first().click();
      await page.getByText('Beispiel-Streams (feste Beispieldaten)').waitFor();
      await openOrganisation(page, s.org);
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();

      // Remembered by the portal: a reload stays German.
      await page.reload();
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      assert.equal(await page.locator('.host-language__select').inputValue(), 'de');
      await page.locator('.host-language__select').selectOption('en');
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      await page.getByRole('button', { name: 'Log out' }).first().waitFor();
    });
  });
});

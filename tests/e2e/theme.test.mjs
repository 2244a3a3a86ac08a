// The standalone page's theme (issue 21, item 5): it follows the system by default,
// Light / Dark / System beside the language choice overrides it and is remembered on
// this device, and the remembered theme is on <html> before the page is first painted.
// axe at budget zero in dark, in English and German.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectNoAxeViolations, login, openApp } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';

/** The page's background colour as painted. */
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(244, 246, 250)';
const DARK_BG = 'rgb(15, 21, 35)';

describe('theme', () => {
  const s = suite();

  test('a dark system gets the dark theme; axe passes in dark in English and German', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, s.server.baseUrl, '/login');
      await page.getByLabel('Email').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.ocTheme), 'auto');
      assert.equal(await background(page), DARK_BG);
      await expectNoAxeViolations(page, 'login page (dark, en)');

      await login(page, DEMO.admin, DEMO.password);
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      await expectNoAxeViolations(page, 'Overview (dark, en)');

      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { name: 'API-Zugang' }).waitFor();
      assert.equal(await background(page), DARK_BG);
      await expectNoAxeViolations(page, 'Overview (dark, de)');
      await page.goto(new URL('/organisation/users', s.server.baseUrl).href);
      await page.getByRole('table', { name: 'Benutzer' }).locator('tbody tr').first().waitFor();
      await expectNoAxeViolations(page, 'user list (dark, de)');
    }, { contextOptions: { colorScheme: 'dark' } });
  });

  test('Light chosen in the profile menu beats a dark system, at once and from the first paint on', async (t) => {
    await s.withPage(t, async (page) => {
      // Records the theme on <html> when <body> first appears: before any paint.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.body) {
            window.__themeAtBody = document.documentElement.dataset.ocTheme ?? null;
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await openApp(page, s.server.baseUrl, '/login');
      await login(page, DEMO.admin, DEMO.password);
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.equal(await background(page), DARK_BG);

      await page.getByRole('button', { name: 'Account menu' }).click();
      const light = page.getByRole('menuitemradio', { name: 'Light' });
      assert.equal(await page.getByRole('menuitemradio', { name: 'System' }).getAttribute('aria-checked'), 'true');
      await light.click();
      assert.equal(await background(page), LIGHT_BG);
      await expectNoAxeViolations(page, 'Overview (light chosen)');

      await page.reload();
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.equal(await page.evaluate(() => window.__themeAtBody), 'light');
      assert.equal(await background(page), LIGHT_BG);
      const stored = await page.evaluate(() => localStorage.getItem('org-console.theme'));
      assert.equal(stored, 'light');
    }, { contextOptions: { colorScheme: 'dark' } });
  });
});

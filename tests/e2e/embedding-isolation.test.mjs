// The console inside the example host page, for looks: CSS isolation both ways (the
// portal's aggressive global CSS does not reach the console, the console's CSS does not
// change the portal, both read as computed styles), the theme variables and the dark
// theme applied live and axe-clean, and the phone layout (375x812) with the console's
// menu inside the portal.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from './support/server.mjs';
import { expectFocused, expectNoAxeViolations } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';
import { until } from './support/users.mjs';
import {
  HOST, consoleElement, hostLogin, hostSidebar, openOrganisation, orgHeading,
} from './support/embedding.mjs';

const PHONE = { width: 375, height: 812 };

/** Computed properties compared between two renderings of the same element. */
const PROPS = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'textTransform',
  'textDecorationLine', 'color', 'backgroundColor', 'boxSizing', 'borderTopWidth', 'borderTopStyle',
  'borderTopColor', 'borderTopLeftRadius', 'paddingTop', 'paddingLeft', 'marginTop', 'marginLeft',
  'listStyleType', 'outlineStyle',
];

/**
 * `PROPS` of every element `selectors` names (the first match of each, inside the
 * first `scope` element if given), by selector.
 */
function computedOf(page, selectors, scope = null) {
  return page.evaluate(({ selectors, props, scope }) => {
    const out = {};
    const root = scope ? document.querySelector(scope) : document;
    for (const sel of selectors) {
      const el = root?.querySelector(sel);
      if (!el) {
        out[sel] = null;
        continue;
      }
      const cs = getComputedStyle(el);
      out[sel] = Object.fromEntries(props.map((p) => [p, cs[p]]));
    }
    return out;
  }, { selectors, props: PROPS, scope });
}

/** Relative luminance of `rgb(r, g, b)` (0 black .. 1 white). */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('embedding: styles, themes and the phone layout', () => {
  const s = suite();
  let server;
  let org;

  before(() => {
    ({ server, org } = s);
  });

  test('the console\'s CSS does not change the portal', async (t) => {
    await s.withPage(t, async (page) => {
      await hostLogin(page, server.baseUrl);
      // Probes of every element kind the console styles, outside the console.
      await page.locator('.host-footer').evaluate((footer) => {
        const probe = document.createElement('div');
        probe.id = 'probe';
        probe.innerHTML = '<h1>Probe</h1><h2>Probe</h2><p>Probe <a href="#x">link</a> <code>c</code></p>'
          + '<ul><li>item</li></ul><button type="button">Probe</button><input aria-label="Probe input">'
          + '<select aria-label="Probe select"><option>a</option></select><label>label</label>'
          + '<table><tbody><tr><td>cell</td></tr></tbody></table><section>section</section><dialog>dialog</dialog>';
        footer.append(probe);
      });
      const hostSelectors = [
        'html', 'body', '.host-header', '.host-logo', '.host-logout', '.host-theme__select',
        '.host-sidebar', '.host-sidebar a[data-route="player"]', '.host-main', '.host-footer', '.host-footer__link',
        ...['h1', 'h2', 'p', 'a', 'code', 'ul', 'li', 'button', 'input', 'select', 'label', 'td', 'section', 'dialog']
          .map((tag) => `#probe ${tag}`),
      ];
      const rootVariables = () => page.evaluate(() => {
        const cs = getComputedStyle(document.documentElement);
        return ['--oc-bg', '--oc-surface', '--oc-brand', '--oc-color-primary', '--oc-font']
          .map((v) => cs.getPropertyValue(v));
      });

      const before = await computedOf(page, hostSelectors);
      const varsBefore = await rootVariables();
      assert.ok(Object.values(before).every((v) => v !== null), 'every probe exists');
      assert.match(before['.host-header'].fontFamily, /Georgia/, 'the portal\'s own font');
      assert.equal(before['#probe button'].backgroundColor, 'rgb(179, 38, 30)', 'the portal\'s aggressive button');

      await openOrganisation(page, org);
      assert.equal(await page.locator('link[rel="stylesheet"][href*="org-console"]').count(), 1, 'the console CSS is loaded');
      const during = await computedOf(page, hostSelectors);
      for (const sel of hostSelectors) {
        assert.deepEqual(during[sel], before[sel], `${sel} unchanged while the console is mounted`);
      }
      assert.deepEqual(await rootVariables(), varsBefore, 'no custom properties on :root');

      await hostSidebar(page).getByRole('link', { name: 'Streams' }).click();
      await page.getByRole('heading', { name: 'Streams', level: 1 }).waitFor();
      assert.equal(await page.locator('link[rel="stylesheet"][href*="org-console"]').count(), 0, 'the console CSS left with it');
      assert.deepEqual(await computedOf(page, hostSelectors), before, 'unchanged after the console left');
    });
  });

  test('the portal\'s aggressive CSS does not reach the console', async (t) => {
    // The same elements in the standalone console (no host CSS) and inside the portal.
    const selectors = [
      '.oc-org-header__title', '.oc-eyebrow', '.oc-chip', '.oc-tab', '.oc-card',
      '.oc-card__title', 'button.oc-button--primary', 'input.oc-input[type="url"]', 'label.oc-label', '.oc-topbar',
    ];
    const standalone = await s.withPage(`${t.name} (standalone)`, async (page) => {
      await s.loginAs(page, DEMO.admin, '/organisation/overview');
      await page.getByRole('button', { name: 'Save webhook' }).waitFor();
      return computedOf(page, selectors);
    });
    await s.withPage(t, async (page) => {
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      await page.getByRole('button', { name: 'Save webhook' }).waitFor();
      const embedded = await computedOf(page, selectors, 'org-console');
      for (const sel of selectors) {
        assert.ok(standalone[sel], `${sel} exists standalone`);
        assert.deepEqual(embedded[sel], standalone[sel], `${sel}: the same inside the portal as standalone`);
      }
      const button = embedded['button.oc-button--primary'];
      assert.doesNotMatch(button.fontFamily, /Georgia|Times/);
      assert.notEqual(button.backgroundColor, 'rgb(179, 38, 30)');
      assert.notEqual(embedded['.oc-org-header__title'].textTransform, 'uppercase');
      await expectNoAxeViolations(page, 'portal with the console');
    });
  });

  test('theme variables and the dark theme apply live; axe-clean in both themes', async (t) => {
    await s.withPage(t, async (page) => {
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      const save = page.getByRole('button', { name: 'Save webhook' });
      await save.waitFor();
      assert.match(await save.getAttribute('class'), /oc-button--primary/);
      const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el)[p], prop);
      const card = page.locator('org-console .oc-card').first();
      await page.locator('org-console .oc-root').evaluate((root) => { window.__ocRoot = root; });

      // Theme variables on the mount element (set through the CSSOM, which the CSP allows).
      const primaryBefore = await style(save, 'backgroundColor');
      await consoleElement(page).evaluate((el) => {
        el.style.setProperty('--oc-color-primary', 'rgb(0, 100, 0)');
        el.style.setProperty('--oc-font-family', '"Courier New", monospace');
      });
      await until(async () => (await style(save, 'backgroundColor')) === 'rgb(0, 100, 0)', 'the primary colour');
      assert.match(await style(orgHeading(page, org), 'fontFamily'), /Courier New/);
      await consoleElement(page).evaluate((el) => {
        el.style.removeProperty('--oc-color-primary');
        el.style.removeProperty('--oc-font-family');
      });
      await until(async () => (await style(save, 'backgroundColor')) === primaryBefore, 'the default primary again');

      const lightSurface = await style(card, 'backgroundColor');
      assert.ok(luminance(lightSurface) > 0.8, `a light surface: ${lightSurface}`);
      await expectNoAxeViolations(page, 'light theme');

      // The portal's theme switcher sets the element's theme attribute: no remount.
      await page.getByLabel('Console theme').selectOption('dark');
      assert.equal(await consoleElement(page).getAttribute('theme'), 'dark');
      await until(async () => (await consoleElement(page).getAttribute('data-oc-theme')) === 'dark', 'data-oc-theme');
      await until(async () => luminance(await style(card, 'backgroundColor')) < 0.2, 'a dark surface');
      // The buttons' colours fade (0.15 s transitions): axe reads them once they end.
      await until(() => page.evaluate(() => document.getAnimations().length === 0), 'the theme\'s transitions');
      assert.ok(luminance(await style(page.locator('org-console .oc-root'), 'color')) > 0.6, 'light text');
      assert.equal(await page.evaluate(() => document.querySelector('org-console .oc-root') === window.__ocRoot), true,
        'the same console, not a remount');
      await expectNoAxeViolations(page, 'dark theme');

      // Auto follows the system.
      await page.getByLabel('Console theme').selectOption('auto');
      await page.emulateMedia({ colorScheme: 'dark' });
      await until(async () => luminance(await style(card, 'backgroundColor')) < 0.2, 'auto: dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await until(async () => (await style(card, 'backgroundColor')) === lightSurface, 'auto: light');
      assert.equal(await page.evaluate(() => document.querySelector('org-console .oc-root') === window.__ocRoot), true);

      // The choice survives a visit elsewhere in the portal.
      await page.getByLabel('Console theme').selectOption('dark');
      await hostSidebar(page).getByRole('link', { name: 'Player' }).click();
      await hostSidebar(page).getByRole('link', { name: 'Organisation' }).click();
      await orgHeading(page, org).waitFor();
      assert.equal(await consoleElement(page).getAttribute('theme'), 'dark');
      assert.deepEqual(page.problems, []);
    });
  });

  test('phone (375x812): the portal\'s menu collapses, the console\'s menu opens inside the portal', async (t) => {
    await s.withPage(t, async (page) => {
      await hostLogin(page, server.baseUrl);
      const portalMenu = page.getByRole('button', { name: 'Portal menu' });
      assert.equal(await hostSidebar(page).isVisible(), false, 'the sidebar is collapsed');
      await portalMenu.click();
      assert.equal(await portalMenu.getAttribute('aria-expanded'), 'true');
      await hostSidebar(page).getByRole('link', { name: 'Organisation' }).click();
      await orgHeading(page, org).waitFor();
      assert.equal(await hostSidebar(page).isVisible(), false, 'a navigation closes the portal menu');
      assert.equal(await portalMenu.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'no horizontal scrolling');
      await expectNoAxeViolations(page, 'portal with the console at 375x812');

      const open = consoleElement(page).getByRole('button', { name: 'Open menu' });
      await open.click();
      const drawer = page.getByRole('dialog', { name: 'Account' });
      await drawer.waitFor();
      await drawer.getByRole('link', { name: 'My Organisation' }).waitFor();
      assert.equal(await consoleElement(page).evaluate((el, d) => el.contains(d), await drawer.elementHandle()), true,
        'the drawer is the console\'s, inside the portal');
      await expectNoAxeViolations(page, 'console drawer inside the portal');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      await expectFocused(open, 'focus returns to the menu button');
      assert.equal(new URL(page.url()).pathname, HOST.overview, 'still on the page');

      // The portal's menu closes with Escape too.
      await portalMenu.click();
      await hostSidebar(page).getByRole('link', { name: 'Streams' }).waitFor();
      await page.keyboard.press('Escape');
      assert.equal(await hostSidebar(page).isVisible(), false);
      assert.ok(await portalMenu.evaluate((el) => el === document.activeElement));
    }, { viewport: PHONE });
  });
});

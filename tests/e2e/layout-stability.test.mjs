// Still while it loads: opening each page with a session, nothing that is already on
// screen moves when the data arrives. The layout shifts Chromium reports (the CLS
// metric's input) must add up to at most 0.05 per page, on a desktop and on a
// 375x812 phone; the "good" threshold of Core Web Vitals is 0.1.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { VIEWPORTS } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';

const BUDGET = 0.05;
const PAGES = ['/organisation/overview', '/organisation/users', '/organisation/users/2'];
/** What a page shows last, when the browser is idle after its first screen. */
const LAST = { '/organisation/overview': '.oc-tags-card' };

describe('layout stability while pages load', () => {
  const s = suite({ serverArgs: ['--seed-users', '60'] });

  for (const [device, viewport] of [['desktop', VIEWPORTS.desktop], ['375x812 phone', { width: 375, height: 812 }]]) {
    for (const path of PAGES) {
      test(`${path} on a ${device} shifts at most ${BUDGET}`, (t) =>
        s.withPage(t, async (page) => {
          const token = await s.adminToken();
          await page.addInitScript((tok) => {
            sessionStorage.setItem('org-console.token', tok);
            window.__shifts = [];
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) {
                if (e.hadRecentInput) continue;
                const moved = e.sources.map((src) => `${src.node?.className || src.node?.nodeName} ${Math.round(src.previousRect.y)}->${Math.round(src.currentRect.y)}`);
                window.__shifts.push({ value: e.value, moved });
              }
            }).observe({ type: 'layout-shift', buffered: true });
          }, token);
          await page.goto(new URL(path, s.server.baseUrl).href);
          // Everything the page loads has arrived: no skeleton or loading line left.
          await page.waitForFunction((last) =>
            document.querySelector(last ?? '.oc-main h2') && !document.querySelector('.oc-skeleton, .oc-skeleton-text, [aria-busy="true"]'), LAST[path]);
          await page.waitForTimeout(300);
          const shifts = await page.evaluate(() => window.__shifts);
          const total = shifts.reduce((sum, e) => sum + e.value, 0);
          assert.ok(total <= BUDGET, `layout shift ${total.toFixed(3)} > ${BUDGET}: ${JSON.stringify(shifts)}`);
        }, { viewport }));
    }
  }
});

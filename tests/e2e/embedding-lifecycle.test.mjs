// The console's life inside a host page: 50 mount/unmount cycles through mount() leave
// no event listener and no DOM node behind (counted through the Chrome DevTools
// Protocol) and every mount works; mount() is idempotent and its handle is only a
// handle; an <org-console> moved within one task stays mounted, removed it unmounts.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suite } from './support/fixture.mjs';
import {
  HOST, HOST_TOKEN_KEY, consoleElement, hostLogin, hostSidebar, openOrganisation, orgHeading,
} from './support/embedding.mjs';

// Allowed growth of live DOM nodes over 50 cycles, after garbage collection. A leak of
// one node per cycle would be 50; what remains below that is the measurement's own
// noise (Playwright's utility world, the collector's timing).
const NODE_TOLERANCE = 40;
// Allowed growth of the renderer's JS event listener count (all targets, detached
// nodes included); one listener leaked per cycle would be 50. The listeners on
// window and document must match exactly.
const LISTENER_TOLERANCE = 5;
const WARM_UP = 3;
const CYCLES = 50;

/** Garbage-collects, then reads the DOM counters and the window/document listeners. */
async function measure(cdp) {
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((r) => setTimeout(r, 100));
  }
  const { nodes, jsEventListeners, documents } = await cdp.send('Memory.getDOMCounters');
  const listeners = {};
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    const byType = {};
    for (const l of list) byType[l.type] = (byType[l.type] ?? 0) + 1;
    listeners[target] = Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b)));
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return { nodes, jsEventListeners, documents, listeners };
}

/**
 * Runs `n` cycles in the page: mount() into #cycle-mount, wait for the organisation's
 * name, unmount(), check that nothing the console added is left on the element.
 */
function runCycles(page, n, orgName) {
  return page.evaluate(async ({ n, orgName, basePath, tokenKey }) => {
    const { mount } = await import('/org-console.js');
    const div = document.getElementById('cycle-mount');
    const waitFor = (check, what, ms = 10_000) => new Promise((resolve, reject) => {
      const start = performance.now();
      const tick = () => {
        if (check()) resolve();
        else if (performance.now() - start > ms) reject(new Error(`timed out waiting for ${what}`));
        else setTimeout(tick, 10);
      };
      tick();
    });
    let ready = 0;
    const onReady = () => { ready += 1; };
    div.addEventListener('org-console:ready', onReady);
    const failures = [];
    try {
      for (let i = 0; i < n; i++) {
        const handle = mount(div, {
          basePath,
          apiBase: '/api',
          getToken: async () => sessionStorage.getItem(tokenKey),
        });
        await handle.ready;
        await waitFor(() => [...div.querySelectorAll('h1')].some((h) => h.textContent.trim() === orgName),
          `the organisation in cycle ${i + 1}`);
        handle.unmount();
        if (div.childNodes.length || div.classList.contains('oc-host') || div.hasAttribute('data-oc-theme')) {
          failures.push(`cycle ${i + 1} left: ${div.outerHTML.slice(0, 300)}`);
        }
      }
    } finally {
      div.removeEventListener('org-console:ready', onReady);
    }
    return { ready, failures };
  }, { n, orgName, basePath: HOST.org, tokenKey: HOST_TOKEN_KEY });
}

/**
 * A logged-in portal at its Player page (no console of its own mounted) with an empty
 * #cycle-mount element, and the address set to the console's Overview under
 * /embed/org (replaceState: the portal's router does not react to it).
 */
async function preparePlayerPage(page, baseUrl) {
  await hostLogin(page, baseUrl);
  await hostSidebar(page).getByRole('link', { name: 'Player' }).click();
  await page.getByRole('heading', { name: 'Player', level: 1 }).waitFor();
  await page.evaluate((url) => {
    const div = document.createElement('div');
    div.id = 'cycle-mount';
    document.querySelector('.host-view').append(div);
    history.replaceState(null, '', url);
  }, HOST.overview);
}

describe('embedding: mount and unmount', () => {
  const s = suite();
  let server;
  let org;

  before(() => {
    ({ server, org } = s);
  });

  test(`${CYCLES} mount/unmount cycles: every mount works, nothing is left behind`, async (t) => {
    await s.withPage(t, async (page) => {
      await preparePlayerPage(page, server.baseUrl);
      const cdp = await page.context().newCDPSession(page);

      const warm = await runCycles(page, WARM_UP, org.name);
      assert.deepEqual(warm, { ready: WARM_UP, failures: [] });
      const before = await measure(cdp);

      const run = await runCycles(page, CYCLES, org.name);
      assert.deepEqual(run.failures, []);
      assert.equal(run.ready, CYCLES, 'org-console:ready once per mount');

      const after = await measure(cdp);
      t.diagnostic(`before: ${JSON.stringify(before)}`);
      t.diagnostic(`after:  ${JSON.stringify(after)}`);
      assert.deepEqual(after.listeners.window, before.listeners.window, 'listeners on window');
      assert.deepEqual(after.listeners.document, before.listeners.document, 'listeners on document');
      assert.ok(after.jsEventListeners <= before.jsEventListeners + LISTENER_TOLERANCE,
        `JS event listeners: ${before.jsEventListeners} -> ${after.jsEventListeners}`);
      assert.ok(after.nodes <= before.nodes + NODE_TOLERANCE,
        `DOM nodes: ${before.nodes} -> ${after.nodes} (tolerance ${NODE_TOLERANCE})`);
      assert.equal(after.documents, before.documents, 'documents');
      assert.equal(await page.locator('link[rel="stylesheet"][href*="org-console"]').count(), 0,
        'the console stylesheet leaves with the console');
      assert.deepEqual(page.problems, [], 'no console errors or page errors');
      await cdp.detach();
    });
  });

  test('mount() is idempotent, takes a nonce; a dropped handle does not unmount; update() and navigate() act live', async (t) => {
    await s.withPage(t, async (page) => {
      await preparePlayerPage(page, server.baseUrl);
      const cdp = await page.context().newCDPSession(page);
      const options = { basePath: HOST.org, apiBase: '/api', nonce: 'test-nonce' };

      // Mounted twice: one console.
      await page.evaluate(async ({ options, tokenKey }) => {
        const { mount } = await import('/org-console.js');
        const div = document.getElementById('cycle-mount');
        const getToken = async () => sessionStorage.getItem(tokenKey);
        const a = mount(div, { ...options, getToken });
        const b = mount(div, { ...options, getToken });
        await Promise.all([a.ready, b.ready]);
        // Dropped on purpose: only the element keeps the console alive.
      }, { options, tokenKey: HOST_TOKEN_KEY });
      await orgHeading(page, org).waitFor();
      assert.equal(await page.locator('#cycle-mount .oc-root').count(), 1, 'mounting twice gives one console');
      assert.equal(await page.locator('#cycle-mount > link[rel="stylesheet"]').evaluate((l) => l.nonce), 'test-nonce',
        'the nonce is put on the stylesheet link');
      await page.locator('#cycle-mount .oc-root').evaluate((root) => { window.__root = root; });

      for (let i = 0; i < 3; i++) {
        await cdp.send('HeapProfiler.collectGarbage');
        await page.waitForTimeout(200);
      }
      assert.equal(await page.evaluate(() => document.querySelector('#cycle-mount .oc-root') === window.__root), true,
        'the console outlives its dropped handles');
      await page.getByRole('navigation', { name: 'Organisation sections' })
        .getByRole('link', { name: 'User Management' }).click();
      await page.getByRole('table', { name: 'Users' }).waitFor();

      // A new handle for the live console: update() and navigate() without a remount.
      const state = await page.evaluate(async ({ options, tokenKey }) => {
        const { mount } = await import('/org-console.js');
        const div = document.getElementById('cycle-mount');
        const handle = mount(div, { ...options, getToken: async () => sessionStorage.getItem(tokenKey) });
        await handle.ready;
        handle.update({ theme: 'dark' });
        handle.navigate('/organisation/overview');
        await new Promise((r) => setTimeout(r, 300));
        return {
          sameRoot: div.querySelector('.oc-root') === window.__root,
          theme: div.getAttribute('data-oc-theme'),
          path: location.pathname,
        };
      }, { options, tokenKey: HOST_TOKEN_KEY });
      assert.deepEqual(state, { sameRoot: true, theme: 'dark', path: HOST.overview });
      await page.getByRole('region', { name: 'API Access' }).waitFor();

      const left = await page.evaluate(async ({ options, tokenKey }) => {
        const { mount } = await import('/org-console.js');
        const div = document.getElementById('cycle-mount');
        mount(div, { ...options, getToken: async () => sessionStorage.getItem(tokenKey) }).unmount();
        return { children: div.childNodes.length, classes: div.className, theme: div.getAttribute('data-oc-theme') };
      }, { options, tokenKey: HOST_TOKEN_KEY });
      assert.deepEqual(left, { children: 0, classes: '', theme: null }, 'unmount removes all it added');
      assert.deepEqual(page.problems, []);
      await cdp.detach();
    });
  });

  test('<org-console> moved within one task stays mounted; removed, it unmounts', async (t) => {
    await s.withPage(t, async (page) => {
      await hostLogin(page, server.baseUrl);
      await openOrganisation(page, org);
      const moved = await consoleElement(page).evaluate(async (el) => {
        const root = el.querySelector('.oc-root');
        const box = document.createElement('div');
        el.parentNode.append(box);
        box.append(el); // disconnected and connected again in the same task
        await new Promise((r) => setTimeout(r, 300));
        return { same: el.querySelector('.oc-root') === root, connected: el.isConnected };
      });
      assert.deepEqual(moved, { same: true, connected: true });
      await orgHeading(page, org).waitFor();

      const removed = await consoleElement(page).evaluate(async (el) => {
        el.remove();
        await new Promise((r) => setTimeout(r, 300));
        return { children: el.childNodes.length, host: el.classList.contains('oc-host') };
      });
      assert.deepEqual(removed, { children: 0, host: false });
      assert.equal(await page.locator('.oc-root').count(), 0);
    });
  });
});

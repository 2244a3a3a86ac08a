// Helpers of the embedding tests (tests/e2e/embedding*.test.mjs): the example host
// page in public/embed ("ACME Partner Portal"), its addresses and storage key, its
// login, and a record of the console's `org-console:*` events.
//
//   await recordConsoleEvents(page);            // before the first goto
//   await hostLogin(page, s.server.baseUrl);    // the portal's own login, at Streams
//   await openOrganisation(page, s.org);        // sidebar → the console's Overview
//   await consoleEvents(page, 'org-console:navigate');

import { DEMO } from './server.mjs';

/** The portal's addresses; the console lives under ORG (its base-path). */
export const HOST = Object.freeze({
  root: '/embed/',
  login: '/embed/login',
  streams: '/embed/streams',
  player: '/embed/player',
  org: '/embed/org',
  overview: '/embed/org/organisation/overview',
  users: '/embed/org/organisation/users',
});

/** Where the portal keeps its token (sessionStorage); the console's own key is never used. */
export const HOST_TOKEN_KEY = 'acme-portal.token';
export const CONSOLE_TOKEN_KEY = 'org-console.token';

/** The events the console dispatches on its element (they bubble to the document). */
export const EVENT_TYPES = Object.freeze([
  'org-console:ready',
  'org-console:navigate',
  'org-console:unauthorized',
  'org-console:logout',
  'org-console:error',
]);

/**
 * Records every `org-console:*` event reaching the document in `window.__ocEvents`
 * (`{ type, detail, bubbles, composed }`), from the first document on. Call before
 * the first goto.
 */
export async function recordConsoleEvents(page) {
  await page.addInitScript((types) => {
    window.__ocEvents = [];
    for (const type of types) {
      document.addEventListener(type, (ev) => {
        window.__ocEvents.push({
          type,
          detail: JSON.parse(JSON.stringify(ev.detail ?? null)),
          bubbles: ev.bubbles,
          composed: ev.composed,
        });
      });
    }
  }, EVENT_TYPES);
}

/** The recorded events, all or of one type. */
export function consoleEvents(page, type) {
  return page.evaluate((t) => (window.__ocEvents ?? []).filter((e) => !t || e.type === t), type ?? null);
}

/** The portal's header, sidebar and notices (outside the console). */
export const hostHeader = (page) => page.locator('.host-header');
export const hostSidebar = (page) => page.getByRole('navigation', { name: 'Portal' });
export const hostNotices = (page) => page.locator('.host-notices');
export const consoleElement = (page) => page.locator('org-console');

/**
 * Opens `path` (default the portal's root, which sends a visitor to its login page),
 * logs in with the portal's own form and waits until the portal has left its login page.
 */
export async function hostLogin(page, baseUrl, { email = DEMO.admin, path = HOST.root } = {}) {
  await page.goto(new URL(path, baseUrl).href);
  await page.getByRole('heading', { name: 'Log in to the partner portal' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== HOST.login);
}

/** Clicks the sidebar's Organisation link and waits for the organisation's heading. */
export async function openOrganisation(page, org) {
  await hostSidebar(page).getByRole('link', { name: 'Organisation' }).click();
  await orgHeading(page, org).waitFor();
}

/** The console's h1 with the organisation's name. */
export const orgHeading = (page, org) => page.getByRole('heading', { name: org.name, level: 1 });

/** The portal's token as stored now. */
export function hostToken(page) {
  return page.evaluate((key) => sessionStorage.getItem(key), HOST_TOKEN_KEY);
}

/** Puts `token` where the portal's getToken reads it. */
export function setHostToken(page, token) {
  return page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [HOST_TOKEN_KEY, token]);
}

/** Marks the current <org-console> element, to tell later whether it is the same node. */
export function markConsole(page, mark) {
  return page.locator('org-console').evaluate((el, m) => { el.dataset.testMark = m; }, mark);
}

/** The mark of the current <org-console> element ('' when unmarked, null when absent). */
export function consoleMark(page) {
  return page.evaluate(() => {
    const el = document.querySelector('org-console');
    return el ? el.dataset.testMark ?? '' : null;
  });
}

/**
 * An expression that makes the console's wasm trap, as a panic does, uncaught from a
 * timer: it takes the build's glue from the page's resources and asks the allocator
 * for an alignment it refuses (3), which aborts. Works in every engine's evaluate.
 */
export const PROVOKE_TRAP = `(() => {
  const glue = performance.getEntriesByType('resource').map((e) => e.name)
    .find((name) => /\\/wasm-[0-9a-f]+\\/org-console\\.js$/.test(name));
  import(glue).then((m) => m.default()).then((wasm) => setTimeout(() => wasm.__wbindgen_malloc(8, 3)));
})()`;

// The console deployed as its users deploy it: `cargo xtask package` behind Debian's
// nginx (deploy/nginx.conf) or Caddy (deploy/Caddyfile) on one origin, the reference
// backend with --cors-origin on another, and a host dashboard on a third. And what
// the console says when that set-up is wrong: a bad config.json, an API that does not
// answer, an API that refuses the page's origin.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, freePort, startServer } from './support/server.mjs';
import { expectNoAxeViolations, launchBrowser, login, withPage } from './support/browser.mjs';
import { packageConsole, startCaddy, startHostDashboard, startNginx } from './support/webservers.mjs';

const MAIN_WASM = /\/wasm-[0-9a-f]{16}\/org-console_bg\.wasm$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CONFIG_PROBLEM = "The console's configuration could not be read";
const API_PROBLEM = 'The console cannot reach its API';

/** GET with the headers a browser sends; returns status, headers and body text. */
async function get(url, headers = {}) {
  const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip', ...headers } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** What every web server in front of the console must do with its files. */
async function checkServing(origin, hostOrigin) {
  const index = await get(`${origin}/`);
  assert.equal(index.status, 200);
  const wasmPath = /href="?\.?\/?(wasm-[0-9a-f]{16})\/org-console\.js/.exec(index.text)?.[1];
  assert.ok(wasmPath, 'index.html names the build’s wasm folder');
  assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(index.headers.get('cache-control'), 'no-cache');

  const wasm = await get(`${origin}/${wasmPath}/org-console_bg.wasm`, { origin: hostOrigin });
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-encoding'), 'br');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), IMMUTABLE);
  assert.match(wasm.headers.get('vary') ?? '', /accept-encoding/i);
  assert.equal(wasm.headers.get('access-control-allow-origin'), hostOrigin);
  const gz = await get(`${origin}/${wasmPath}/org-console_bg.wasm`, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');

  for (const stable of ['/config.json', '/org-console.js', '/early-session.js']) {
    const r = await get(`${origin}${stable}`);
    assert.equal(r.status, 200, stable);
    assert.equal(r.headers.get('cache-control'), 'no-cache', stable);
  }
  // A host page on an origin not listed gets no CORS header.
  const other = await get(`${origin}/org-console.js`, { origin: 'https://evil.example' });
  assert.equal(other.headers.get('access-control-allow-origin'), null);

  // A missing file is a 404 (never the app's page, never cached for a year); a client
  // route is the app's page.
  for (const missing of [`/${wasmPath}/split_missing.wasm`, '/missing.wasm', '/missing.js', '/index.html.br']) {
    const r = await get(`${origin}${missing}`);
    assert.equal(r.status, 404, missing);
    assert.notEqual(r.headers.get('cache-control'), IMMUTABLE, missing);
    assert.ok(!r.text.includes('org-console.js'), `${missing} answered with the app's page`);
  }
  for (const route of ['/organisation/users/3', '/login', '/invite/abc_DEF-123']) {
    const r = await get(`${origin}${route}`);
    assert.equal(r.status, 200, route);
    assert.ok(r.text.includes(`${wasmPath}/org-console.js`), `${route} is not the app's page`);
  }
}

describe('deployed behind nginx, the API and a host dashboard on other origins', () => {
  let backend;
  let pkg;
  let nginx;
  let browser;
  let consoleOrigin;
  let hostOrigin;

  before(async () => {
    const [consolePort, hostPort] = [await freePort(), await freePort()];
    consoleOrigin = `http://127.0.0.1:${consolePort}`;
    hostOrigin = `http://127.0.0.1:${hostPort}`;
    backend = await startServer({ extraArgs: ['--cors-origin', consoleOrigin, '--cors-origin', hostOrigin] });
    pkg = await packageConsole({ apiUrl: backend.apiUrl });
    nginx = await startNginx({ folder: pkg.folder, port: consolePort, hostOrigin });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await nginx?.stop();
    await pkg?.remove();
    await backend?.stop();
  });

  test('nginx serves the files as the package says: br, a year for hashed names, 404 for missing files', async () => {
    await checkServing(nginx.origin, hostOrigin);
  });

  test('log in, Overview, User Management filtered, a dialog, and a deep link that reloads', (t) =>
    withPage(browser, t, async (page) => {
      const wasm = page.waitForResponse((r) => MAIN_WASM.test(new URL(r.url()).pathname));
      const apiCalls = [];
      page.on('request', (r) => {
        if (r.url().startsWith(backend.apiUrl)) apiCalls.push(r.url());
      });
      await page.goto(`${nginx.origin}/organisation/overview`);
      const wasmResponse = await wasm;
      assert.equal(wasmResponse.headers()['content-encoding'], 'br');
      assert.equal(wasmResponse.headers()['cache-control'], IMMUTABLE);
      await login(page, DEMO.admin, DEMO.password);
      const org = page.getByRole('heading', { level: 1 }).first();
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
      assert.ok(apiCalls.some((u) => u.endsWith('/user/validate')), 'the login went to the API origin');
      assert.ok(new URL(page.url()).origin === nginx.origin);

      await page.getByRole('link', { name: 'User Management' }).click();
      await page.locator('table tbody tr').first().waitFor();
      const nav = page.getByRole('navigation', { name: 'Filter by role' });
      await nav.getByRole('link', { name: /^Admin \d+$/ }).click();
      await page.waitForURL((u) => u.searchParams.get('role') === 'nanoAdmin');
      await page.getByRole('link', { name: DEMO.admin, exact: true }).waitFor();
      await expectNoAxeViolations(page, 'user list behind nginx');

      await page.getByRole('button', { name: 'Invite New User' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite New User' });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // A deep link to a single user survives a reload (nginx's fallback to index.html).
      await page.getByRole('link', { name: DEMO.admin, exact: true }).click();
      await page.waitForURL(/\/organisation\/users\/\d+$/);
      await page.reload();
      await page.getByRole('heading', { name: DEMO.admin, level: 2 }).waitFor();
      assert.ok(await org.isVisible());
    }));

  test('a host dashboard on a third origin mounts the console from nginx with its own session', async (t) => {
    const host = await startHostDashboard({
      port: Number(new URL(hostOrigin).port),
      distDir: process.env.DIST_DIR ?? 'dist',
      apiUrl: backend.apiUrl,
      consoleModule: `${nginx.origin}/org-console.js`,
    });
    try {
      await withPage(browser, t, async (page) => {
        const fromNginx = [];
        page.on('response', (r) => {
          if (r.url().startsWith(nginx.origin)) fromNginx.push(new URL(r.url()).pathname);
        });
        await page.goto(`${host.origin}/embed/login`);
        await page.getByLabel('Email').fill(DEMO.admin);
        await page.getByLabel('Password').fill(DEMO.password);
        await page.getByRole('button', { name: 'Log in' }).click();
        await page.getByRole('link', { name: 'Organisation' }).click();
        const consoleEl = page.locator('org-console');
        await consoleEl.getByRole('heading', { name: 'API Access' }).waitFor();
        assert.ok(fromNginx.includes('/org-console.js'), 'the module came from nginx');
        assert.ok(fromNginx.some((p) => MAIN_WASM.test(p)), 'the wasm came from nginx');
        assert.ok(fromNginx.some((p) => /\/pack_overview\.wasm$/.test(p)), 'the page\'s pack came from nginx');
        // The console used the portal's session: it shows no login form of its own.
        assert.equal(await consoleEl.getByRole('button', { name: 'Log in' }).count(), 0);
        await consoleEl.getByRole('link', { name: 'User Management' }).click();
        await consoleEl.locator('table tbody tr').first().waitFor();
      });
    } finally {
      await host.stop();
    }
  });

  test('a config.json that is not the configuration: a screen says so; Retry starts the console', (t) =>
    withPage(browser, t, async (page) => {
      const config = `${nginx.origin}/config.json`;
      await page.route(config, (route) => route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Welcome to nginx</title>',
      }));
      await page.goto(`${nginx.origin}/login`);
      await page.getByRole('heading', { name: CONFIG_PROBLEM }).waitFor();
      const alert = page.getByRole('alert');
      await alert.getByText(config).waitFor();
      assert.match(await alert.innerText(), /it is not JSON/);
      await expectNoAxeViolations(page, 'configuration problem');

      await page.unroute(config);
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { name: 'Log in to your organisation' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: CONFIG_PROBLEM }).count(), 0);
    }));

  test('an API that does not answer: its address and what to check; Retry logs in', (t) =>
    withPage(browser, t, async (page) => {
      const down = `${backend.apiUrl}/**`;
      await page.route(down, (route) => route.abort('connectionrefused'));
      await page.goto(`${nginx.origin}/login`);
      await login(page, DEMO.admin, DEMO.password);
      await page.getByRole('heading', { name: API_PROBLEM }).waitFor();
      const alert = page.getByRole('alert');
      await alert.getByText(backend.apiUrl, { exact: true }).waitFor();
      await alert.getByText('Nothing answers there').waitFor();
      await expectNoAxeViolations(page, 'API unreachable');

      await page.unroute(down);
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { name: 'API Access' }).waitFor();
    }));

  test('an API that refuses the page’s origin: the screen names the origin to allow', (t) =>
    withPage(browser, t, async (page) => {
      // The same files under another name of the host: an origin the API does not list.
      const unlisted = nginx.origin.replace('127.0.0.1', 'localhost');
      await page.goto(`${unlisted}/login`);
      await login(page, DEMO.admin, DEMO.password);
      await page.getByRole('heading', { name: API_PROBLEM }).waitFor();
      const alert = page.getByRole('alert');
      await alert.getByText(`--cors-origin ${unlisted}`).waitFor();
      assert.match(await alert.innerText(), /does not allow pages from/);
    }));
});

describe('deployed behind Caddy', () => {
  let backend;
  let pkg;
  let caddy;
  let browser;
  const hostOrigin = 'http://127.0.0.1:9';

  before(async () => {
    const [port, adminPort] = [await freePort(), await freePort()];
    backend = await startServer({ extraArgs: ['--cors-origin', `http://127.0.0.1:${port}`] });
    pkg = await packageConsole({ apiUrl: backend.apiUrl });
    caddy = await startCaddy({ folder: pkg.folder, port, adminPort, hostOrigin });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await caddy?.stop();
    await pkg?.remove();
    await backend?.stop();
  });

  test('Caddy serves the files as the package says', async () => {
    await checkServing(caddy.origin, hostOrigin);
  });

  test('log in and open User Management', (t) =>
    withPage(browser, t, async (page) => {
      await page.goto(`${caddy.origin}/organisation/users`);
      await login(page, DEMO.admin, DEMO.password);
      await page.locator('table tbody tr').first().waitFor();
      await page.reload();
      await page.locator('table tbody tr').first().waitFor();
    }));
});

// "Send test event" beside the webhook: the backend (started with
// --allow-internal-webhooks) sends a sample publish call to a receiver this test
// starts on loopback; the console shows "would allow" for 200 and "would deny" for
// 403, with status, time and the first bytes of the answer. The refusal without the
// flag is covered by crates/backend/tests/webhook_test.rs.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { DEMO } from './support/server.mjs';
import { expectNoAxeViolations } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';

const PHONE = { width: 375, height: 812 };

describe('webhook test delivery', () => {
  const s = suite({ serverArgs: ['--allow-internal-webhooks'] });
  const calls = [];
  let receiver;
  let base;

  before(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        calls.push({ path: req.url, type: req.headers['content-type'], fields: Object.fromEntries(new URLSearchParams(body)) });
        const status = req.url === '/deny' ? 403 : 200;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'publish allowed by test receiver' : 'publish denied by test receiver');
      });
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${receiver.address().port}`;
  });

  after(() => new Promise((r) => receiver.close(r)));

  async function sendTest(page) {
    const card = page.getByRole('region', { name: 'Webhook Config' });
    await card.getByRole('button', { name: 'Send test event' }).click();
    return card.locator('.oc-webhook-test__panel');
  }

  test('a 200 would allow, a 403 would deny; the call is a publish form', async (t) => {
    await s.api('PUT', '/organisation/webhook', { body: { webhook: `${base}/allow` } });
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin);
      let panel = await sendTest(page);
      await panel.getByText('Would allow', { exact: true }).waitFor();
      const text = await panel.innerText();
      assert.match(text, /HTTP 200 · [\d,]+ ms/);
      assert.match(text, /publish allowed by test receiver/);
      assert.equal(calls.length, 1);
      assert.equal(calls[0].type, 'application/x-www-form-urlencoded');
      assert.equal(calls[0].fields.call, 'publish');
      assert.deepEqual(Object.keys(calls[0].fields), ['call', 'name', 'app', 'addr', 'clientid']);
      await expectNoAxeViolations(page, 'webhook test: would allow');

      await s.api('PUT', '/organisation/webhook', { body: { webhook: `${base}/deny` } });
      await page.reload();
      panel = await sendTest(page);
      await panel.getByText('Would deny', { exact: true }).waitFor();
      assert.match(await panel.innerText(), /HTTP 403/);
      assert.equal(calls.at(-1).path, '/deny');
      await expectNoAxeViolations(page, 'webhook test: would deny');
    });
  });

  test('nobody listening: publishing would fail, with the reason; usable on a phone', async (t) => {
    const closed = http.createServer();
    await new Promise((r) => closed.listen(0, '127.0.0.1', r));
    const port = closed.address().port;
    await new Promise((r) => closed.close(r));
    await s.api('PUT', '/organisation/webhook', { body: { webhook: `http://127.0.0.1:${port}/hook` } });
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.admin);
      const panel = await sendTest(page);
      await panel.getByText('Publishing would fail', { exact: true }).waitFor();
      assert.match(await panel.innerText(), /connection was refused/);
      await expectNoAxeViolations(page, 'webhook test: failed, 375x812');
    }, { viewport: PHONE });
  });

  test('the test comes with the first click; if it cannot load, the panel says so and the button tries again', async (t) => {
    await s.api('PUT', '/organisation/webhook', { body: { webhook: `${base}/allow` } });
    await s.withPage(t, async (page) => {
      const asked = [];
      let failing = true;
      await page.route(/\/split_webhook_test\.wasm$/, (route) => {
        asked.push(route.request().url());
        return failing ? route.abort('connectionfailed') : route.continue();
      });
      await s.loginAs(page, DEMO.admin);
      const card = page.getByRole('region', { name: 'Webhook Config' });
      const button = card.getByRole('button', { name: 'Send test event' });
      await button.waitFor();
      await page.waitForTimeout(300);
      assert.equal(asked.length, 0, 'not fetched before the click');
      const before = calls.length;

      await button.click();
      const status = card.getByRole('status');
      await status.getByText('This part of the console could not be loaded.').waitFor();
      assert.equal(calls.length, before, 'nothing was sent');
      assert.ok(await button.isEnabled(), 'the button works again');
      await expectNoAxeViolations(page, 'webhook test: chunk failed');

      failing = false;
      const panel = await sendTest(page);
      await panel.getByText('Would allow', { exact: true }).waitFor();
      assert.equal(calls.length, before + 1);
    });
  });

  test('roles that may not set the webhook get no test button', async (t) => {
    await s.withPage(t, async (page) => {
      await s.loginAs(page, DEMO.user);
      await page.getByRole('region', { name: 'Webhook Config' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Send test event' }).count(), 0);
    });
  });
});

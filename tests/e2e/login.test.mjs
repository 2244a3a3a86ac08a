// Logging in: the seeded admin reaches the organisation's page; a wrong password
// gets a clear error and stays on the form; a locked account is told how long to wait.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, advanceClock, apiLogin } from './support/server.mjs';
import { expectNoAxeViolations, login, openApp } from './support/browser.mjs';
import { suite } from './support/fixture.mjs';

describe('login', () => {
  const s = suite();
  let server;
  let orgName;

  before(() => {
    server = s.server;
    // What the console should show: the seeded organisation's name, read from the API.
    orgName = s.org.name;
    assert.ok(orgName, 'GET /organisation answered without a name');
  });

  test('the admin logs in and sees the organisation name', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, server.baseUrl);
      await page.getByLabel('Email').waitFor();
      await expectNoAxeViolations(page, 'login page');

      await login(page, DEMO.admin, DEMO.password);

      const heading = page.getByRole('heading', { name: orgName });
      await heading.first().waitFor({ state: 'visible' });
      assert.equal((await heading.first().innerText()).trim(), orgName);
      await expectNoAxeViolations(page, 'organisation page after login');
    });
  });

  test('a wrong password shows a clear error and keeps the form', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, server.baseUrl);
      await login(page, DEMO.admin, 'not-the-password');

      const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
      await alert.waitFor({ state: 'visible' });
      const message = (await alert.innerText()).trim();
      assert.match(message, /incorrect|invalid|not valid|wrong|not match|not recogni[sz]ed|failed/i,
        `the alert should say the credentials were wrong, it says: ${JSON.stringify(message)}`);

      // Still on the login form, nothing of the organisation shown.
      assert.ok(await page.getByLabel('Email').isVisible(), 'the login form should still be there');
      assert.equal(await page.getByRole('heading', { name: orgName }).count(), 0,
        'the organisation must not be shown after a failed login');
      await expectNoAxeViolations(page, 'login page with an error');
    });
  });

  test('after repeated wrong passwords the page says how long to wait', async (t) => {
    await s.withPage(t, async (page) => {
      await openApp(page, server.baseUrl);
      await page.getByLabel('Email').waitFor();
      // Another account than the tests above use: failures lock the account. Five are
      // free, then each locks for twice as long (2 s, 4 s, …; counted in whole
      // seconds): the server clock skips each lock, so the tenth failure leaves a 32 s
      // lock, longer than a loaded machine takes to submit the form.
      for (let failure = 1; failure <= 10; failure++) {
        await assert.rejects(apiLogin(server, DEMO.user, 'not-the-password'), (e) => e.status === 401);
        if (failure > 5 && failure < 10) await advanceClock(server, 2 ** (failure - 5));
      }
      await login(page, DEMO.user, DEMO.password);
      const alert = page.getByRole('alert').filter({ hasText: /Too many attempts/ }).first();
      await alert.waitFor({ state: 'visible' });
      assert.match((await alert.innerText()).trim(), /^Too many attempts\. Try again in \d+ seconds?\.$/);
      assert.ok(await page.getByLabel('Email').isVisible(), 'the login form should still be there');
    });
  });
});

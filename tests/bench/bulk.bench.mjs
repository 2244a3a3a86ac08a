// Benchmark: a bulk role change of 1,000 users, in headless Chromium.
//
// Prints (median, min and max over RUNS runs):
//   - "Select all 1,000 users matching this filter" → every match selected (five
//     pages of 200 fetched)
//   - Confirm → the summary (one PUT /user/permission per user, 4 at a time)
//   - the longest gap between two animation frames during the run (how responsive the
//     page stays while the calls run)
//   - the backend's own time for the same number of calls from node, 4 at a time
//
// Run it with `cargo xtask bench` (builds first). It prints figures and checks only
// that every user got the role, never a time limit.

import { performance } from 'node:perf_hooks';
import { DEMO, api, apiLogin, startServer } from '../e2e/support/server.mjs';
import { launchBrowser, newPage } from '../e2e/support/browser.mjs';
import { TOKEN_KEY, USERS_ROW, line, longestFrameGap, watchFrameGaps } from './support.mjs';

const USERS = 1_000;
const RUNS = 3;
const PARALLEL = 4;
// Each run moves every synthetic user to the other role, so every call changes a role.
const TARGETS = ['nanoReadOnly', 'analyst'];

const server = await startServer({ extraArgs: ['--seed-users', String(USERS)], timeoutMs: 120_000 });
const browser = await launchBrowser();
try {
  const { token } = await apiLogin(server, DEMO.admin, DEMO.password);
  const synthetic = async () => {
    const all = [];
    for (let p = 1; ; p++) {
      const page = await api(server, 'GET', `/user?q=synthetic&pageSize=200&page=${p}`, { token });
      all.push(...page.items);
      if (all.length >= page.total) return all;
    }
  };
  // Start from one role, so each run changes all of them.
  const setAll = async (users, role) => {
    const queue = [...users];
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      for (let u = queue.shift(); u; u = queue.shift()) {
        await api(server, 'PUT', '/user/permission', { token, body: { userId: u.id, role } });
      }
    }));
  };
  await setAll(await synthetic(), 'nanoUser');
  console.log(`${USERS} synthetic users; ${RUNS} runs; headless Chromium; console from ${process.env.DIST_DIR ?? 'dist'}\n`);

  const selectTimes = [];
  const runTimes = [];
  const gaps = [];
  const serverTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const role = TARGETS[i % TARGETS.length];
    const page = await newPage(browser);
    const { token: t } = await apiLogin(server, DEMO.admin, DEMO.password);
    await page.addInitScript(({ key, tok }) => sessionStorage.setItem(key, tok), { key: TOKEN_KEY, tok: t });
    await page.goto(`${server.baseUrl}/organisation/users?q=synthetic`);
    await page.waitForSelector(USERS_ROW);
    await page.getByRole('checkbox', { name: 'Select every user on this page' }).check();
    const s0 = performance.now();
    await page.getByRole('button', { name: 'Select all 1,000 users matching this filter' }).click();
    await page.getByRole('region', { name: 'Selected users' }).getByText('1,000 users selected').waitFor({ timeout: 60_000 });
    selectTimes.push(performance.now() - s0);

    await page.getByRole('button', { name: 'Change role…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the role of 1,000 users' });
    await dialog.getByLabel('New permission level').selectOption(role);
    const confirm = dialog.getByRole('button', { name: 'Change the role of 1,000 users' });
    await confirm.waitFor();
    await watchFrameGaps(page);
    const r0 = performance.now();
    await confirm.click();
    await dialog.getByText('Role changed: 1,000 users.').waitFor({ timeout: 300_000 });
    runTimes.push(performance.now() - r0);
    gaps.push(await longestFrameGap(page));
    await page.context().close();
    const users = await synthetic();
    const wrong = users.filter((u) => u.role !== role).length;
    if (wrong) throw new Error(`${wrong} users do not have ${role}`);

    // The backend alone: the same number of changes from node, back to nanoUser.
    const b0 = performance.now();
    await setAll(users, 'nanoUser');
    serverTimes.push(performance.now() - b0);
  }

  line('select all 1,000 matching users', selectTimes);
  line(`role change of ${USERS} users (confirm → summary)`, runTimes);
  line('longest frame gap during the run', gaps);
  line(`backend alone: ${USERS} changes from node, ${PARALLEL} at a time`, serverTimes);
} finally {
  await browser.close();
  await server.stop();
}

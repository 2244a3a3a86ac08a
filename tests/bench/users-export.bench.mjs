// Benchmark: "Export CSV" of 10,000 users, in headless Chromium.
//
// Prints (median, min and max over RUNS runs):
//   - click on "Export CSV" → the browser's download event (every page of 200
//     fetched, the file built and offered)
//   - the longest gap between two animation frames meanwhile (how responsive the page
//     stays: the export yields to the event loop between pages)
//   - the backend's own time for the same requests, to tell server from console
//
// Run it with `cargo xtask bench` (builds first). It prints figures and checks only
// that the file has every user, never a time limit.

import { performance } from 'node:perf_hooks';
import { readFile } from 'node:fs/promises';
import { DEMO, api, apiLogin, startServer } from '../e2e/support/server.mjs';
import { launchBrowser, newPage } from '../e2e/support/browser.mjs';
import { TOKEN_KEY, USERS_ROW, line, longestFrameGap, watchFrameGaps } from './support.mjs';

const USERS = 10_000;
const RUNS = 5;

const server = await startServer({ extraArgs: ['--seed-users', String(USERS)], timeoutMs: 120_000 });
const browser = await launchBrowser();
try {
  const { token } = await apiLogin(server, DEMO.admin, DEMO.password);
  const total = (await api(server, 'GET', '/user?pageSize=1', { token })).total;
  console.log(`organisation: ${total} users; ${RUNS} runs; headless Chromium; console from ${process.env.DIST_DIR ?? 'dist'}\n`);

  const exportTimes = [];
  const longestFrameGaps = [];
  const serverTimes = [];
  const pages = Math.ceil(total / 200);
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    const { token: t } = await apiLogin(server, DEMO.admin, DEMO.password);
    await page.addInitScript(({ key, tok }) => sessionStorage.setItem(key, tok), { key: TOKEN_KEY, tok: t });
    await page.goto(`${server.baseUrl}/organisation/users`);
    await page.waitForSelector(USERS_ROW);
    // Frame gaps from the click on, until the download.
    await watchFrameGaps(page);
    const t0 = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    exportTimes.push(performance.now() - t0);
    longestFrameGaps.push(await longestFrameGap(page));
    const rows = (await readFile(await download.path(), 'utf8')).split('\r\n').filter(Boolean).length - 1;
    if (rows !== total) throw new Error(`the file has ${rows} users, the organisation ${total}`);
    await page.context().close();

    const s0 = performance.now();
    for (let p = 1; p <= pages; p++) {
      await api(server, 'GET', `/user?sort=email&order=asc&page=${p}&pageSize=200`, { token });
    }
    serverTimes.push(performance.now() - s0);
  }

  line(`export of ${total} users (click → download)`, exportTimes);
  line('longest frame gap during the export', longestFrameGaps);
  line(`backend alone: the same ${pages} requests from node`, serverTimes);
} finally {
  await browser.close();
  await server.stop();
}

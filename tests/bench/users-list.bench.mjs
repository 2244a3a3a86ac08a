// Benchmark: the user list with 10,000 users, in headless Chromium.
//
// Prints (median, min and max over RUNS runs):
//   - time to first render: navigation start → the first page of users is in the DOM
//   - search: the input event in "Search by email" → the table shows only matches
//     (includes the console's 300 ms typing debounce; shown without it as well)
//   - role filter: a click on a role link → the table shows only that role
//   - the backend's own answer time for the same requests, to tell server from UI
//   - how many table rows are in the DOM (paging keeps it at one page)
//
// Run it with `cargo xtask bench` (builds first). It prints figures; it asserts only
// that each measured state was reached, never a time limit.

import { performance } from 'node:perf_hooks';
import { DEMO, api, apiLogin, startServer } from '../e2e/support/server.mjs';
import { launchBrowser, newPage } from '../e2e/support/browser.mjs';
import { clickFilter } from './support.mjs';

const USERS = 10_000;
const RUNS = 7;
const DEBOUNCE_MS = 300;
const ROW = 'table.oc-users tbody tr';

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const ms = (x) => `${x.toFixed(1)} ms`;
const line = (label, xs) => {
  const { median, min, max } = stats(xs);
  console.log(`${label.padEnd(46)} median ${ms(median).padStart(10)}   min ${ms(min).padStart(10)}   max ${ms(max).padStart(10)}`);
};

const server = await startServer({ extraArgs: ['--seed-users', String(USERS)], timeoutMs: 120_000 });
const browser = await launchBrowser();
try {
  const { token } = await apiLogin(server, DEMO.admin, DEMO.password);
  const total = (await api(server, 'GET', '/user?pageSize=1', { token })).total;
  console.log(`organisation: ${total} users; ${RUNS} runs each; headless Chromium; console from ${process.env.DIST_DIR ?? 'dist'}\n`);

  // A logged-in tab: the session token is where the console keeps it (sessionStorage).
  async function loggedInPage() {
    const { token: t } = await apiLogin(server, DEMO.admin, DEMO.password);
    const page = await newPage(browser);
    await page.addInitScript((tok) => sessionStorage.setItem('org-console.token', tok), t);
    return page;
  }

  // 1. Time to first render of the list (cold tab each run: wasm load, session, list).
  const firstRender = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await loggedInPage();
    await page.goto(`${server.baseUrl}/organisation/users`);
    await page.waitForSelector(ROW);
    firstRender.push(await page.evaluate(() => performance.now()));
    await page.context().close();
  }

  // 2 and 3 in one warm tab, as a user would work.
  const page = await loggedInPage();
  await page.goto(`${server.baseUrl}/organisation/users`);
  await page.waitForSelector(ROW);
  await page.getByRole('link', { name: /^Analyst/ }).waitFor();

  const search = [];
  for (let i = 0; i < RUNS; i++) {
    const query = `load-user-00${String(10 + i * 7).padStart(2, '0')}`;
    search.push(
      await page.evaluate(
        ({ query, row }) =>
          new Promise((resolve, reject) => {
            const input = document.querySelector('input[type="search"]');
            const t0 = performance.now();
            input.value = query;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const deadline = t0 + 15_000;
            const check = () => {
              const rows = [...document.querySelectorAll(row)];
              if (rows.length && rows.every((r) => r.textContent.includes(query))) {
                resolve(performance.now() - t0);
              } else if (performance.now() > deadline) {
                reject(new Error(`search for ${query} never showed only matches`));
              } else {
                requestAnimationFrame(check);
              }
            };
            check();
          }),
        { query, row: ROW },
      ),
    );
  }
  await page.goto(`${server.baseUrl}/organisation/users`);
  await page.waitForSelector(ROW);

  const filter = [];
  const roles = [
    ['Analyst', 'analyst'],
    ['Stream Manager', 'streamManager'],
  ];
  for (let i = 0; i < RUNS; i++) {
    const [label] = roles[i % 2];
    filter.push((await clickFilter(page, label)).frame);
  }
  const rowsInDom = await page.locator(ROW).count();
  await page.context().close();

  // The backend alone, for the same kinds of request.
  const backend = async (path) => {
    const xs = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await api(server, 'GET', path, { token });
      xs.push(performance.now() - t0);
    }
    return xs;
  };
  const apiFirst = await backend('/user?sort=email&order=asc&page=1&pageSize=25');
  const apiSearch = await backend('/user?q=load-user-0042&sort=email&order=asc&page=1&pageSize=25');
  const apiRole = await backend('/user?role=analyst&sort=email&order=asc&page=1&pageSize=25');

  line('first render of the list (from navigation)', firstRender);
  line('search → updated list (incl. 300 ms debounce)', search);
  line('search → updated list (without the debounce)', search.map((x) => x - DEBOUNCE_MS));
  line('role filter click → updated list', filter);
  line('backend GET /user, first page', apiFirst);
  line('backend GET /user?q=…', apiSearch);
  line('backend GET /user?role=…', apiRole);
  console.log(`table rows in the DOM with ${total} users: ${rowsInDom}`);
} finally {
  await browser.close();
  await server.stop();
}

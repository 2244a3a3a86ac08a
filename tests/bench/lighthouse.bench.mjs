// Benchmark: Lighthouse 13's default mobile profile (simulated slow 4G, 4x CPU
// slowdown) with a cold HTTP cache and a logged-in session, for /login (logged out),
// Overview, User Management and a single user, and for the vanilla-JS baseline page
// (tests/bench/baseline/) in the same run. Prints the median run by performance
// score: score, FCP, LCP, CLS, TBT, bytes transferred, accessibility score; then the
// element each route's LCP was, so a change that moves it shows.
// Run it with `cargo xtask bench`.

import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { startServer } from '../e2e/support/server.mjs';
import { TOKEN_KEY, adminToken, distWithBaseline } from './support.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const ROUTES = [
  { name: '/login (logged out)', path: '/login', loggedIn: false },
  { name: 'Overview', path: '/organisation/overview', loggedIn: true },
  { name: 'User Management', path: '/organisation/users', loggedIn: true },
  { name: 'a single user', path: '/organisation/users/2', loggedIn: true },
  { name: 'baseline (vanilla JS users)', path: '/baseline/', loggedIn: true },
];

const removeCopy = distWithBaseline();
const server = await startServer();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/** The first DOM node a Lighthouse audit's details name, as a short snippet. */
function firstNode(details) {
  if (!details || typeof details !== 'object') return null;
  if (details.type === 'node') return details.snippet ?? details.selector ?? null;
  for (const value of Object.values(details)) {
    const found = Array.isArray(value)
      ? value.map(firstNode).find(Boolean)
      : typeof value === 'object' ? firstNode(value) : null;
    if (found) return found;
  }
  return null;
}

/** One Lighthouse run in a fresh tab: the token set on the origin, then the cache cleared. */
async function audit(route) {
  const page = await browser.newPage();
  try {
    if (route.loggedIn) {
      await page.goto(`${server.baseUrl}/config.json`);
      const token = await adminToken(server);
      await page.evaluate((key, value) => sessionStorage.setItem(key, value), TOKEN_KEY, token);
    }
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    const result = await lighthouse(
      `${server.baseUrl}${route.path}`,
      { logLevel: 'error', output: 'json', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
      undefined,
      page,
    );
    const { audits, categories } = result.lhr;
    return {
      score: categories.performance.score,
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      bytes: audits['total-byte-weight'].numericValue,
      a11y: categories.accessibility.score,
      lcpElement: firstNode(audits['lcp-breakdown-insight']?.details),
    };
  } finally {
    await page.close();
  }
}

try {
  console.log(`Lighthouse mobile, cold cache; median of ${RUNS} runs by performance score\n`);
  console.log(`${'route'.padEnd(30)} ${'perf'.padStart(5)} ${'FCP'.padStart(8)} ${'LCP'.padStart(8)} ${'CLS'.padStart(7)} ${'TBT'.padStart(8)} ${'transfer'.padStart(11)} ${'a11y'.padStart(5)}`);
  const elements = [];
  for (const route of ROUTES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(route));
    runs.sort((a, b) => a.score - b.score);
    const m = runs[Math.floor(runs.length / 2)];
    console.log(
      `${route.name.padEnd(30)} ${m.score.toFixed(2).padStart(5)} ${`${(m.fcp / 1000).toFixed(1)} s`.padStart(8)} ${`${(m.lcp / 1000).toFixed(1)} s`.padStart(8)} ` +
        `${m.cls.toFixed(3).padStart(7)} ${`${Math.round(m.tbt)} ms`.padStart(8)} ${`${(m.bytes / 1024).toFixed(1)} KiB`.padStart(11)} ${m.a11y.toFixed(2).padStart(5)}`,
    );
    elements.push(`${route.name}: ${m.lcpElement ?? '(not named)'}`);
  }
  console.log('\nLCP element of that run:');
  for (const line of elements) console.log(`  ${line.slice(0, 160)}`);
} finally {
  await browser.close();
  await server.stop();
  removeCopy();
}

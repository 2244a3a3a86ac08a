import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { writeFileSync } from 'node:fs';
import { startServer } from '../e2e/support/server.mjs';
import { TOKEN_KEY, adminToken, distWithBaseline } from './support.mjs';
const removeCopy = distWithBaseline();
const server = await startServer();
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const path = process.env.ROUTE ?? '/organisation/users';
try {
  for (let i = 0; i < Number(process.env.N ?? 6); i++) {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/config.json`);
    const token = await adminToken(server);
    await page.evaluate((k, v) => sessionStorage.setItem(k, v), TOKEN_KEY, token);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    const r = await lighthouse(`${server.baseUrl}${path}`, { logLevel: 'error', output: 'json', onlyCategories: ['performance'], disableStorageReset: true }, undefined, page);
    const a = r.lhr.audits;
    const m = a.metrics.details.items[0];
    const reqs = a['network-requests'].details.items;
    const t0 = reqs[0].networkRequestTime;
    console.log(`run ${i}: FCP ${Math.round(a['first-contentful-paint'].numericValue)} LCP ${Math.round(a['largest-contentful-paint'].numericValue)} observed FCP ${m.observedFirstContentfulPaint} LCP ${m.observedLargestContentfulPaint} score ${r.lhr.categories.performance.score}`);
    for (const q of reqs) {
      console.log(`   ${String(Math.round(q.networkRequestTime - t0)).padStart(5)}-${String(Math.round(q.networkEndTime - t0)).padStart(5)} ${q.priority.padEnd(8)} ${q.resourceType.padEnd(10)} ${q.url.split('/').slice(-1)[0].slice(0, 40)}`);
    }
    const ev = r.artifacts.Trace.traceEvents;
    const nav = ev.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? ev.find((e) => e.name === 'navigationStart');
    const fcpEv = ev.find((e) => e.name === 'firstContentfulPaint');
    const mainPid = fcpEv.pid, mainTid = fcpEv.tid;
    const T = (e) => ((e.ts - nav.ts) / 1000).toFixed(1);
    console.log('   FCP event at', T(fcpEv));
    const main = ev.filter((e) => e.pid === mainPid && e.tid === mainTid && e.ts >= nav.ts && (e.ts - nav.ts) / 1000 < (fcpEv.ts - nav.ts) / 1000 + 5);
    const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X');
    for (const t of tasks) {
      const kids = main.filter((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur && e !== t && e.name !== 'RunTask');
      const names = [...new Set(kids.map((k) => k.name + (k.args?.data?.url ? `(${k.args.data.url.split('/').pop()})` : '')))].filter((n) => /Layout|Paint|Evaluate|wasm|Compile|FunctionCall|ParseHTML|v8\.|Script/i.test(n));
      if (names.length && t.dur > 50) console.log(`   task ${T(t)} +${(t.dur / 1000).toFixed(1)}: ${names.slice(0, 12).join(', ')}`);
    }
    await page.close();
  }
} finally { await browser.close(); await server.stop(); removeCopy(); }

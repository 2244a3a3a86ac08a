import { chromium } from 'playwright-core';
import { startServer, apiLogin, DEMO } from './support/server.mjs';
const server = await startServer({ extraArgs: ['--seed-users', '200'] });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
const token = (await apiLogin(server, DEMO.admin, DEMO.password)).token;
await page.addInitScript((t) => sessionStorage.setItem('org-console.token', t), token);
await page.goto(server.baseUrl + '/organisation/users');
await page.waitForSelector('table.oc-users tbody tr');
await page.waitForTimeout(500);
const r = await page.evaluate(() => {
  const w0 = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT); const by = {}; let c;
  while ((c = w0.nextNode())) { const p = c.parentElement; const k = p ? p.tagName.toLowerCase() + '.' + String(p.className).split(' ')[0] : 'doc'; by[k] = (by[k] || 0) + 1; }
  return Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 40);
});
console.log(JSON.stringify(r));
const html = await page.evaluate(() => [...document.querySelectorAll('section.oc-invite-role, div.oc-export, .oc-users-page > *:not(section)')].map((e) => e.outerHTML.slice(0, 400)));
for (const h of html) console.log(h);
await browser.close(); await server.stop();

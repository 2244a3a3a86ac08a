// Shared by the benchmarks: figures (median, min, max), a dist/ copy that also holds
// the vanilla-JS baseline page, and logged-in pages.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, apiLogin } from '../e2e/support/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

/** Where the console keeps its session token (the baseline reads it there too). */
export const TOKEN_KEY = 'org-console.token';
export const USERS_ROW = 'table.oc-users tbody tr';

export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
export const median = (xs) => stats(xs).median;
export const ms = (x) => `${x.toFixed(1)} ms`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

export function line(label, xs, unit = ms) {
  const { median: m, min, max } = stats(xs);
  console.log(`${label.padEnd(46)} median ${unit(m).padStart(10)}   min ${unit(min).padStart(10)}   max ${unit(max).padStart(10)}`);
}

/**
 * A copy of the built console with tests/bench/baseline/ as /baseline/, served by the
 * same backend (same origin, same API). Sets DIST_DIR for startServer; call the
 * returned function to remove the copy.
 */
export function distWithBaseline() {
  const source = process.env.DIST_DIR ?? path.join(repoRoot, 'dist');
  const copy = mkdtempSync(path.join(tmpdir(), 'org-console-bench-'));
  // Fresh timestamps, as a deploy's copy gives them (`cp -r`, a container's COPY): the
  // server trusts a .br/.gz copy by its content, not by its age.
  cpSync(source, copy, { recursive: true, preserveTimestamps: false });
  cpSync(path.join(here, 'baseline'), path.join(copy, 'baseline'), { recursive: true });
  process.env.DIST_DIR = copy;
  return () => rmSync(copy, { recursive: true, force: true });
}

/** A fresh session token of the demo admin. */
export async function adminToken(server) {
  return (await apiLogin(server, DEMO.admin, DEMO.password)).token;
}

/**
 * Clicks the role filter link `label` and waits until only that role is listed, in
 * ms from the click: `inDom` when the rows were in the DOM (a MutationObserver, which
 * runs before the next frame), `frame` at the first animation frame that found them
 * (frame-level: 16.7 ms apart).
 */
export function clickFilter(page, label) {
  return page.evaluate(
    ({ label, row }) =>
      new Promise((resolve, reject) => {
        const link = [...document.querySelectorAll('nav[aria-label="Filter by role"] a')].find(
          (a) => a.querySelector('.oc-filter__label')?.textContent === label,
        );
        if (!link) return reject(new Error(`no filter link ${label}`));
        const shown = () => {
          const rows = [...document.querySelectorAll(row)];
          return rows.length > 0 && rows.every((r) => r.querySelector('.oc-role-badge')?.textContent.trim() === label);
        };
        let inDom;
        const watch = new MutationObserver(() => {
          if (shown()) {
            inDom = performance.now() - t0;
            watch.disconnect();
          }
        });
        watch.observe(document.body, { childList: true, subtree: true, characterData: true });
        const t0 = performance.now();
        link.click();
        const deadline = t0 + 15_000;
        const check = () => {
          if (inDom !== undefined) {
            resolve({ inDom, frame: performance.now() - t0 });
          } else if (performance.now() > deadline) {
            watch.disconnect();
            reject(new Error(`filter ${label} never showed only that role`));
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      }),
    { label, row: USERS_ROW },
  );
}

/** Starts recording the gaps between animation frames on `page`. */
export function watchFrameGaps(page) {
  return page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    window.__watch = true;
    const tick = (now) => {
      window.__gaps.push(now - last);
      last = now;
      if (window.__watch) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops the recording of watchFrameGaps and returns the longest gap (ms). */
export function longestFrameGap(page) {
  return page.evaluate(() => {
    window.__watch = false;
    return Math.max(...window.__gaps);
  });
}

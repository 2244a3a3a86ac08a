// Benchmark: a storm of concurrent logins with unknown emails against the release
// backend, and what it does to everybody else.
//
// Prints, for each of WAVES waves of STORM concurrent logins:
//   - how the storm was answered (401 wrong credentials, 429 throttled, 503 hashing
//     queue full) and how long it took
//   - the latency of a logged-in request (GET /user/me) sent every few ms meanwhile
//   - the backend's resident memory during the wave
// and at the end the backend's peak resident memory (VmHWM).
//
// Goals (printed next to the figures, never asserted): peak memory under 300 MB,
// logged-in latency under 100 ms. Run it with `cargo xtask bench` (builds first).
// Linux only: memory is read from /proc/<pid>/status.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DEMO, apiLogin, startServer } from '../e2e/support/server.mjs';

const STORM = 250;
const WAVES = 3;
const PROBE_EVERY_MS = 10;
const MEMORY_GOAL_MB = 300;
const LATENCY_GOAL_MS = 100;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The logged-in probe runs in its own thread, so the time this process spends
// firing the storm does not show up as server latency.
const PROBE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const { url, token, every } = workerData;
  let running = true;
  const latencies = [];
  parentPort.on('message', () => { running = false; });
  (async () => {
    while (running) {
      const t = performance.now();
      const res = await fetch(url, { headers: { 'X-BINTU-TOKEN': token } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error('probe answered ' + res.status);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, every));
    }
    parentPort.postMessage(latencies);
  })();
`;

function startProbe(server, token) {
  const worker = new Worker(PROBE, {
    eval: true,
    workerData: { url: `${server.apiUrl}/user/me`, token, every: PROBE_EVERY_MS },
  });
  const done = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return async () => {
    worker.postMessage('stop');
    const latencies = await done;
    await worker.terminate();
    return latencies;
  };
}

function memoryMb(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
};
const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);

async function storm(server, wave) {
  const counts = {};
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: STORM }, async (_, i) => {
      const res = await fetch(`${server.apiUrl}/user/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `storm-${wave}-${i}@nowhere.example`, password: 'guess-guess-guess' }),
      }).catch((e) => ({ status: `network error (${e.cause?.code ?? e.message})`, arrayBuffer: async () => {} }));
      await res.arrayBuffer();
      counts[res.status] = (counts[res.status] ?? 0) + 1;
    }),
  );
  return { counts, took: performance.now() - t0 };
}

const server = await startServer();
try {
  const { token } = await apiLogin(server, DEMO.admin, DEMO.password);
  const rssBefore = memoryMb(server.pid, 'VmRSS');
  console.log(`backend pid ${server.pid}; ${WAVES} waves of ${STORM} concurrent logins with unknown emails; ` +
    `resident memory before: ${rssBefore.toFixed(1)} MB\n`);

  const allLatencies = [];
  let peakDuringStorms = rssBefore;
  for (let wave = 1; wave <= WAVES; wave++) {
    let storming = true;
    let peakRss = 0;
    const memory = (async () => {
      while (storming) {
        peakRss = Math.max(peakRss, memoryMb(server.pid, 'VmRSS'));
        await sleep(PROBE_EVERY_MS);
      }
    })();
    const stopProbe = startProbe(server, token);
    await sleep(50);
    const { counts, took } = await storm(server, wave);
    storming = false;
    const latencies = await stopProbe();
    await memory;
    allLatencies.push(...latencies);
    peakDuringStorms = Math.max(peakDuringStorms, peakRss);
    const answers = Object.entries(counts).map(([s, n]) => `${n}× ${s}`).join(', ');
    console.log(`wave ${wave}: ${answers}; storm took ${took.toFixed(0)} ms`);
    console.log(`  GET /user/me meanwhile (${latencies.length} requests): median ${ms(percentile(latencies, 50))}` +
      `  p95 ${ms(percentile(latencies, 95))}  max ${ms(Math.max(...latencies))}`);
    console.log(`  resident memory: highest sample ${peakRss.toFixed(1)} MB, after ${memoryMb(server.pid, 'VmRSS').toFixed(1)} MB`);
    // Let throttles of the previous wave not decide the next one alone.
    await sleep(500);
  }
  const peak = memoryMb(server.pid, 'VmHWM');
  const worst = Math.max(...allLatencies);
  console.log(`\npeak resident memory (VmHWM): ${peak.toFixed(1)} MB (goal < ${MEMORY_GOAL_MB} MB: ${peak < MEMORY_GOAL_MB ? 'met' : 'MISSED'})`);
  console.log(`logged-in request during the storms: p95 ${ms(percentile(allLatencies, 95))}, max ${ms(worst)} ` +
    `(goal < ${LATENCY_GOAL_MS} ms: ${worst < LATENCY_GOAL_MS ? 'met' : percentile(allLatencies, 95) < LATENCY_GOAL_MS ? 'met at p95, not at max' : 'MISSED'})`);
} finally {
  await server.stop();
}

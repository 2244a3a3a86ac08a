// Starts the reference backend for one test file: a fresh in-memory database, the
// built console from DIST_DIR, test hooks on, on a free loopback port.
//
//   const server = await startServer();   // in before()
//   server.baseUrl                        // e.g. http://127.0.0.1:41234
//   await server.stop();                  // in after()
//
// Environment (set by `cargo xtask test`):
//   BINTU_BACKEND_BIN  path to the release backend binary
//   DIST_DIR           the trunk build output (dist/)
//   E2E_SERVER_LOG=1   echo the backend's output while the tests run

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');

export const API_PREFIX = '/api';

function backendBin() {
  const bin = process.env.BINTU_BACKEND_BIN ?? path.join(repoRoot, 'target', 'release', 'bintu-backend');
  if (!existsSync(bin)) {
    throw new Error(`backend binary not found at ${bin}: run the tests with \`cargo xtask test\` ` +
      '(or build it with `cargo build --release -p bintu-backend` and set BINTU_BACKEND_BIN)');
  }
  return bin;
}

function distDir() {
  const dist = process.env.DIST_DIR ?? path.join(repoRoot, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no index.html in ${dist}: build the console with \`cargo xtask build\` (or set DIST_DIR)`);
  }
  return dist;
}

/** A port that was free a moment ago: the OS picks it, we release it at once. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Spawns the backend and waits until it answers HTTP. First with `--port 0`, reading
 * the address the backend prints when it is ready ("console: http://127.0.0.1:N/"),
 * which cannot race with other processes. If the backend does not print its address,
 * falls back to a port picked by node, retrying on a new one if that was taken meanwhile.
 */
export async function startServer({ extraArgs = [], timeoutMs = 30_000 } = {}) {
  const bin = backendBin();
  const dist = distDir();
  try {
    return await launch(bin, dist, 0, extraArgs, timeoutMs);
  } catch (err) {
    if (!err.noAddress) throw err;
  }
  let lastError;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const port = await freePort();
    try {
      return await launch(bin, dist, port, extraArgs, timeoutMs);
    } catch (err) {
      lastError = err;
      if (!err.retryable) break;
    }
  }
  throw lastError;
}

const ADDRESS_LINE = /console:\s+(http:\/\/[^\s/]+)/;

async function launch(bin, dist, port, extraArgs, timeoutMs) {
  const args = ['--db', ':memory:', '--port', String(port), '--dist', dist, '--test-hooks', ...extraArgs];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      running.delete(child);
      resolve();
    });
    child.on('error', (err) => {
      exited = { code: null, signal: null, err };
      running.delete(child);
      resolve();
    });
  });

  const deadline = Date.now() + timeoutMs;
  const fail = async (err) => {
    if (!exited) {
      child.kill('SIGKILL');
      await exitPromise;
    }
    throw err;
  };
  let baseUrl = port === 0 ? null : `http://127.0.0.1:${port}`;
  // With port 0, wait for the backend to say where it listens (10 s at most).
  const addressDeadline = Date.now() + Math.min(timeoutMs, 10_000);
  while (!baseUrl) {
    const m = ADDRESS_LINE.exec(output);
    if (m) {
      baseUrl = m[1];
      break;
    }
    if (exited || Date.now() > addressDeadline) {
      const err = new Error(`backend printed no "console: http://…" address line with --port 0.\noutput:\n${output}`);
      err.noAddress = true;
      await fail(err);
    }
    await sleep(50);
  }
  for (;;) {
    if (exited) {
      const why = exited.err ? exited.err.message : `exit code ${exited.code}, signal ${exited.signal}`;
      const err = new Error(`backend exited before answering (${why}).\n` +
        `command: ${bin} ${args.join(' ')}\noutput:\n${output}`);
      err.retryable = port !== 0 && /address.*in use|EADDRINUSE|os error 98/i.test(output);
      throw err;
    }
    try {
      // Any HTTP answer means it is listening; the OpenAPI document needs no login.
      const res = await fetch(`${baseUrl}${API_PREFIX}/openapi.json`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await fail(new Error(`backend did not answer on ${baseUrl} within ${timeoutMs} ms.\noutput:\n${output}`));
    }
    await sleep(100);
  }

  return {
    baseUrl,
    apiUrl: `${baseUrl}${API_PREFIX}`,
    port: Number(new URL(baseUrl).port),
    /** The backend's process id (benchmarks read its memory from /proc). */
    pid: child.pid,
    /** Everything the backend printed so far (for failure messages). */
    logs: () => output,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/**
 * Calls the API directly (for arranging data or reading what a test expects to see).
 * Throws with the error envelope's message on a non-2xx answer.
 */
export async function api(server, method, pathAndQuery, { token, body } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers['X-BINTU-TOKEN'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.apiUrl}${pathAndQuery}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const msg = json?.error?.message ?? text;
    const err = new Error(`${method} ${pathAndQuery} answered ${res.status}: ${msg}`);
    err.status = res.status;
    err.body = json;
    throw err;
  }
  return json;
}

/** Logs in through the API; returns the LoginResponse ({ token, expiresAt, user, ... }). */
export function apiLogin(server, email, password) {
  return api(server, 'POST', '/user/validate', { body: { email, password } });
}

/** Test hook (`--test-hooks` only): moves the server's clock forward, so tokens and invites expire. */
export function advanceClock(server, seconds) {
  return api(server, 'POST', '/_test/advance-clock', { body: { seconds } });
}

export const DEMO = Object.freeze({
  password: 'demo-password',
  admin: 'admin@demo.local',
  user: 'user@demo.local',
  readonly: 'readonly@demo.local',
});

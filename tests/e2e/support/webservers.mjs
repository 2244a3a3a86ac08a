// A packaged console behind the real web servers of deploy/: `cargo xtask package`
// into a temporary folder, then Debian's nginx or Caddy with the package's own
// nginx.conf or Caddyfile. Only what a deployer changes is changed: the listen
// address, the folder (/srv/org-console) and the host dashboard's origin (and Caddy's
// admin port); each replaced text must be in the file, so the files cannot drift
// from what the tests run.
//
// Environment (set by `cargo xtask test`): NGINX_BIN, CADDY_BIN, CARGO.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The example host dashboard's origin in deploy/nginx.conf and deploy/Caddyfile. */
const EXAMPLE_HOST_ORIGIN = 'https://dashboard.example.com';
const FOLDER = '/srv/org-console';

/**
 * `cargo xtask package --no-build --api apiUrl` into a fresh temporary folder.
 * Returns `{ folder, remove() }`, folder being the unpacked `org-console/`.
 */
export async function packageConsole({ apiUrl }) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'org-console-package-'));
  const cargo = process.env.CARGO ?? 'cargo';
  const run = spawnSync(cargo, ['xtask', 'package', '--no-build', '--api', apiUrl, '--out', out], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`cargo xtask package failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { folder: path.join(out, 'org-console'), remove: () => rm(out, { recursive: true, force: true }) };
}

/** `text` with each [from, to] replaced; throws if `from` is not in it. */
function configure(name, text, replacements) {
  let out = text;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) throw new Error(`${name} no longer contains ${JSON.stringify(from)}`);
    out = out.split(from).join(to);
  }
  return out;
}

/** Waits until `url` answers HTTP at all. */
async function waitForHttp(url, proc, logs, what) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${what} exited (${proc.exitCode}):\n${logs()}`);
    try {
      await (await fetch(url, { signal: AbortSignal.timeout(1000) })).arrayBuffer();
      return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer on ${url}:\n${logs()}`);
    await sleep(100);
  }
}

function launch(bin, args, env = {}) {
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (output.length > 100_000) output = output.slice(-50_000);
  };
  proc.stdout.setEncoding('utf8').on('data', collect);
  proc.stderr.setEncoding('utf8').on('data', collect);
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  process.on('exit', () => proc.kill('SIGKILL'));
  return {
    proc,
    logs: () => output,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * nginx serving the package on 127.0.0.1:port with its nginx.conf, as a site inside a
 * minimal main configuration (what Debian's /etc/nginx/nginx.conf provides).
 */
export async function startNginx({ folder, port, hostOrigin }) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'org-console-nginx-'));
  const site = configure('deploy/nginx.conf', await readFile(path.join(folder, 'nginx.conf'), 'utf8'), [
    [FOLDER, folder],
    ['listen 80;', `listen 127.0.0.1:${port};`],
    [`"${EXAMPLE_HOST_ORIGIN}"`, `"${hostOrigin}"`],
  ]);
  await writeFile(path.join(work, 'site.conf'), site);
  const runningAsRoot = process.getuid?.() === 0;
  await writeFile(path.join(work, 'nginx.conf'), [
    // Debian loads it from /etc/nginx/modules-enabled; here by its path.
    'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;',
    runningAsRoot ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${work}/nginx.pid;`,
    `error_log ${work}/error.log;`,
    'events {}',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    `  access_log ${work}/access.log;`,
    `  client_body_temp_path ${work}/body;`,
    `  include ${work}/site.conf;`,
    '}',
  ].join('\n'));
  const bin = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
  const server = launch(bin, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-g', 'daemon off;']);
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/config.json`, server.proc, server.logs, 'nginx');
  return {
    origin,
    async stop() {
      await server.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Caddy serving the package on port with its Caddyfile. */
export async function startCaddy({ folder, port, adminPort, hostOrigin }) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'org-console-caddy-'));
  const caddyfile = configure('deploy/Caddyfile', await readFile(path.join(folder, 'Caddyfile'), 'utf8'), [
    [FOLDER, folder],
    [':8080 {', `:${port} {`],
    ['localhost:2019', `localhost:${adminPort}`],
    [EXAMPLE_HOST_ORIGIN, hostOrigin],
  ]);
  const file = path.join(work, 'Caddyfile');
  await writeFile(file, caddyfile);
  const bin = process.env.CADDY_BIN ?? '/usr/bin/caddy';
  const server = launch(bin, ['run', '--config', file, '--adapter', 'caddyfile'], {
    HOME: work,
    XDG_DATA_HOME: work,
    XDG_CONFIG_HOME: work,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/config.json`, server.proc, server.logs, 'caddy');
  return {
    origin,
    async stop() {
      await server.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * The example host dashboard (dist/embed) on an origin of its own, told where the
 * API is and where to import the console from (its two <meta> settings).
 */
export async function startHostDashboard({ port, distDir, apiUrl, consoleModule }) {
  const embed = path.join(distDir, 'embed');
  const page = configure('public/embed/index.html', await readFile(path.join(embed, 'index.html'), 'utf8'), [
    ['<meta name="acme-api-base" content="/api" />', `<meta name="acme-api-base" content="${apiUrl}" />`],
    ['<meta name="acme-console-module" content="/org-console.js" />',
      `<meta name="acme-console-module" content="${consoleModule}" />`],
  ]);
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://host');
    const ext = path.extname(pathname);
    if (pathname.startsWith('/embed/') && types[ext] && !pathname.includes('..')) {
      try {
        const body = await readFile(path.join(embed, pathname.slice('/embed/'.length)));
        res.writeHead(200, { 'content-type': types[ext] }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
      return;
    }
    // Every other path is one of the portal's client routes.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

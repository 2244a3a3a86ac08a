// Benchmark: what a first visit downloads, as the reference backend serves it.
//
// For each file the console's page names (index.html, config.json, the stylesheet,
// early-session.js, the JS glue, the split loader, the main wasm module) and the
// stable embedding entry points, prints the bytes on the wire with no
// Accept-Encoding, with gzip and with brotli, the cache policy, and the total: what
// every route loads before its own page's chunk. The first load of each route,
// chunks included, is the table `cargo xtask build` prints (xtask/src/budget.rs).
// Run it with `cargo xtask bench`.

import { startServer } from '../e2e/support/server.mjs';
import { kb } from './support.mjs';

const server = await startServer();
try {
  const fetchAs = async (file, encoding) => {
    // Node's fetch asks for gzip unless told otherwise: say identity explicitly.
    const headers = { 'accept-encoding': encoding ?? 'identity' };
    const response = await fetch(`${server.baseUrl}${file}`, { headers });
    // Node's fetch decodes the body: the wire size is Content-Length.
    await response.arrayBuffer();
    return {
      bytes: Number(response.headers.get('content-length')),
      encoding: response.headers.get('content-encoding') ?? 'identity',
      cache: response.headers.get('cache-control'),
      status: response.status,
    };
  };

  const html = await (await fetch(`${server.baseUrl}/`)).text();
  // Paths are relative to the page's <base href=/>: make them absolute.
  const linked = [...html.matchAll(/(?:href=|src=|from)"?(?:\.?\/)?([^"\s>]+\.(?:css|js|wasm))(?=["\s>])/g)].map((m) => `/${m[1]}`);
  const firstLoad = ['/', '/config.json', ...new Set(linked)];
  const stable = ['/org-console.js', '/org-console.css'];

  console.log(`${'file'.padEnd(42)} ${'identity'.padStart(12)} ${'gzip'.padStart(12)} ${'brotli'.padStart(12)}   cache-control`);
  const totals = { identity: 0, gzip: 0, br: 0 };
  for (const file of [...firstLoad, ...stable]) {
    const [plain, gzip, br] = [await fetchAs(file, null), await fetchAs(file, 'gzip'), await fetchAs(file, 'br')];
    if (plain.status !== 200) throw new Error(`${file}: HTTP ${plain.status}`);
    if (firstLoad.includes(file)) {
      totals.identity += plain.bytes;
      totals.gzip += gzip.bytes;
      totals.br += br.bytes;
    }
    const cell = (r) => `${kb(r.bytes)}${r.encoding === 'identity' ? '' : '*'}`.padStart(12);
    console.log(`${file.padEnd(42)} ${cell(plain)} ${cell(gzip)} ${cell(br)}   ${plain.cache}`);
  }
  console.log('(* = sent compressed; stable names are for host pages and not part of the first load)');
  console.log(`every route's start (${firstLoad.length} files)`.padEnd(42),
    kb(totals.identity).padStart(12), kb(totals.gzip).padStart(12), kb(totals.br).padStart(12));
  console.log(`every route's start in bytes: identity ${totals.identity}, gzip ${totals.gzip}, brotli ${totals.br}`);
} finally {
  await server.stop();
}

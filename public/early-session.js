// The standalone page's head start: while the wasm downloads and compiles, read the
// runtime configuration and, when this tab has a session, ask the API who it belongs
// to. The app takes both answers over (src/session/early.rs) instead of asking again.
// The names below are the app's (session storage key, token header, the me path);
// a native test in src/session/early.rs keeps them equal.
const TOKEN_KEY = 'org-console.token';
const TOKEN_HEADER = 'X-BINTU-TOKEN';
const ME_PATH = '/user/me';

function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || null;
  } catch {
    return null; // storage disabled: the app starts logged out, as it would anyway
  }
}

// Same mode and credentials as index.html's preload, so the preloaded answer is used.
const config = fetch('config.json', { credentials: 'same-origin' })
  .then((r) => (r.ok ? r.text() : null))
  .catch(() => null);

const token = storedToken();
const me = token
  ? config.then(async (text) => {
      const base = String(JSON.parse(text ?? '{}').apiBaseUrl || '/api').replace(/\/+$/, '');
      const answer = fetch(base + ME_PATH, {
        headers: { Accept: 'application/json', [TOKEN_HEADER]: token },
      });
      // The first screen's chunks only now, behind the session check: over HTTP/1.1 a
      // browser opens six connections to an origin, and two dozen preloads ahead of
      // it held the check (and with it the first screen) back. The page needs them
      // only once the check has answered.
      preloadFirstScreen();
      const r = await answer;
      return { token, status: r.status, text: await r.text() };
    }).catch(() => null).finally(preloadFirstScreen)
  : Promise.resolve(null);

// Only on the console's own page (the app deletes it once read).
window.orgConsoleEarly = { config, me };

// The first screen's own wasm chunks, fetched beside the main module instead of after
// it has started and asked for them (with a session, once `/user/me` is asked, see
// above). `cargo xtask build` fills the table in (the build's wasm folder; each page's
// split, by its lazy_page! name, and the files it loads); the paths are the app's
// routes (src/routes.rs, a native test keeps the names equal).
const CHUNK_FOLDER = '';
const ROUTE_CHUNKS = {};

/** The split the first screen of `path` (below the page's base) needs. */
function firstSplit(path, signedIn) {
  const [first, second, third] = path.split('/').filter(Boolean);
  if (first === 'login') return 'login';
  if (first === 'invite') return 'invite_accept';
  if (first !== undefined && first !== 'organisation') return null;
  // Without a session the organisation's pages send you to the login form.
  if (!signedIn) return 'login';
  if (second === 'users') return third === undefined ? 'users' : 'user_detail';
  if (second === 'activity') return 'activity';
  if (second === undefined || second === 'overview') return 'overview';
  return null;
}

// The console's languages, and where a choice is kept (src/lang/choice.rs,
// src/prefs.rs; a native test keeps the names equal). German's words are a split of
// their own ('german'), preloaded when the console will start in German.
const LANGUAGE_KEY = 'org-console.language';
const LANGUAGES = ['en', 'de'];

/** The language the app will start in: the choice kept on this device, else the
 * browser's first the console speaks, else English (as src/lang/choice.rs). */
function startLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    // storage disabled: the browser's languages decide
  }
  const wanted = [stored, ...(navigator.languages ?? []), navigator.language];
  for (const tag of wanted) {
    const primary = String(tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
    if (LANGUAGES.includes(primary)) return primary;
  }
  return 'en';
}

let preloaded = false;

/** Adds a preload for each chunk the first screen needs (once). */
function preloadFirstScreen() {
  if (preloaded) return;
  preloaded = true;
  const base = new URL(document.baseURI).pathname;
  const below = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  const files = new Set(ROUTE_CHUNKS[firstSplit(below, token !== null)] ?? []);
  if (startLanguage() === 'de') {
    for (const file of ROUTE_CHUNKS['german'] ?? []) files.add(file);
  }
  for (const file of files) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.type = 'application/wasm';
    // As the chunk loader's fetch() asks (same-origin, CORS mode), so it is reused.
    link.crossOrigin = 'anonymous';
    link.href = `${CHUNK_FOLDER}/${file}.wasm`;
    document.head.append(link);
  }
}

// Without a session nothing is asked of the API first: the login page's chunks now.
if (token === null) preloadFirstScreen();

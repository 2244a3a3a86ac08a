// The standalone page's head start: while the wasm downloads and compiles, read the
// runtime configuration and, when this tab has a session, ask the API who it belongs
// to, for a page in the organisation's frame the organisation (the frame's header,
// the Overview's largest text), and for the users list the roles and, in its default
// view, its first page. The app takes the answers over (src/session/early.rs)
// instead of asking again. The names below are the app's (session storage key, token
// header, the API paths); a native test in src/session/early.rs keeps them equal.
const TOKEN_KEY = 'org-console.token';
const TOKEN_HEADER = 'X-BINTU-TOKEN';
const ME_PATH = '/user/me';
const ORGANISATION_PATH = '/organisation';
/** The users list's first page in its default view, as the app asks for it. */
const USERS_FIRST_PAGE = '/user?sort=email&order=asc&page=1&pageSize=25';
const ROLES_PATH = '/permission/list';

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
// The requests, once the configuration names the API.
const sent = token
  ? config.then((text) => {
      const base = String(JSON.parse(text ?? '{}').apiBaseUrl || '/api').replace(/\/+$/, '');
      const ask = (path) => ({
        path,
        response: fetch(base + path, { headers: { Accept: 'application/json', [TOKEN_HEADER]: token } }),
      });
      const screen = firstScreen();
      const requests = {
        me: ask(ME_PATH),
        organisation: FRAMED.includes(screen) ? ask(ORGANISATION_PATH) : null,
        users: screen === 'users' && location.search === '' ? ask(USERS_FIRST_PAGE) : null,
        roles: screen === 'users' ? ask(ROLES_PATH) : null,
      };
      // The first screen's chunks only now, behind the API requests: over HTTP/1.1 a
      // browser opens six connections to an origin, and two dozen preloads ahead of
      // them held the session check (and with it the first screen) back. The page
      // needs them only once the check has answered.
      preloadFirstScreen();
      return requests;
    })
  : Promise.resolve(null);
sent.catch(() => null).finally(preloadFirstScreen);

/** One early answer as the app takes it over, or null (not asked, no answer). */
async function answer(which) {
  try {
    const asked = (await sent)?.[which];
    if (!asked) return null;
    const r = await asked.response;
    return { path: asked.path, token, status: r.status, text: await r.text() };
  } catch {
    return null;
  }
}

// Only on the console's own page (the app deletes it once read).
window.orgConsoleEarly = {
  config,
  me: answer('me'),
  organisation: answer('organisation'),
  users: answer('users'),
  roles: answer('roles'),
};

// The first screen's own wasm, fetched beside the main module instead of after it has
// started and asked for it (with a session, once `/user/me` is asked, see above).
// `cargo xtask build` fills the table in (the build's wasm folder; each page's split,
// by its lazy_page! name, and the files it loads: one pack of the page and its chunks,
// xtask/src/packs.rs); the paths are the app's routes (src/routes.rs, a native test
// keeps the names equal).
const CHUNK_FOLDER = '';
const ROUTE_CHUNKS = {};
/** The chunk loader (`__wasm_split.js`, in CHUNK_FOLDER), which the app shares. */
const CHUNK_LOADER = '';

/** The pages inside the organisation's frame, whose header shows the organisation. */
const FRAMED = ['overview', 'users', 'user_detail', 'activity'];

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

/** The split of this page's first screen. */
function firstScreen() {
  const base = new URL(document.baseURI).pathname;
  const below = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  return firstSplit(below, token !== null);
}

let preloaded = false;

/** Adds a preload for each wasm file the first screen needs (once). */
function preloadFirstScreen() {
  if (preloaded) return;
  preloaded = true;
  const split = firstScreen();
  const files = new Set(ROUTE_CHUNKS[split] ?? []);
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
    link.href = `${CHUNK_FOLDER}/${file}`;
    document.head.append(link);
  }
  // The first page's pack is read, and its modules compiled off the main thread, as
  // soon as it is in: the page finds them ready when it asks. Asked for later, their
  // compile and instantiation came after the frame was drawn, in tasks of their own.
  if (CHUNK_LOADER && split) {
    import(new URL(CHUNK_LOADER, document.baseURI).href)
      .then((loader) => loader.__wasm_split_use_pack(split))
      .catch(() => {}); // the page reads its pack itself when it asks
  }
}

// Without a session nothing is asked of the API first: the login page's chunks now.
if (token === null) preloadFirstScreen();

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
      const r = await fetch(base + ME_PATH, {
        headers: { Accept: 'application/json', [TOKEN_HEADER]: token },
      });
      return { token, status: r.status, text: await r.text() };
    }).catch(() => null)
  : Promise.resolve(null);

// Only on the console's own page (the app deletes it once read).
window.orgConsoleEarly = { config, me };

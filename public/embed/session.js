// The portal's own session: it signs in against the bintu API itself and keeps its
// token in sessionStorage under its OWN key. The console never reads this key; it
// asks the portal for the token through getToken (views/org.js).

const TOKEN_KEY = 'acme-portal.token';
const USER_KEY = 'acme-portal.user';

/** The API base the portal talks to (<meta name="acme-api-base">), e.g. `/api`. */
export const apiBase =
  document.querySelector('meta[name="acme-api-base"]')?.getAttribute('content') || '/api';

/** The current token, read afresh on every call (so a new sign-in is seen at once). */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function isSignedIn() {
  return token() !== null;
}

/** `{ email, role }` of the signed-in user, or null. */
export function user() {
  try {
    return JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/**
 * POST /user/validate; stores the token and the user. Throws an Error whose message
 * can be shown (the API's own sentence when it gives one).
 */
export async function signIn(email, password) {
  let res;
  try {
    res = await fetch(`${apiBase}/user/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    throw new Error('The server could not be reached. Check your connection and try again.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok || typeof body?.token !== 'string') {
    throw new Error(body?.error?.message ?? `Login failed (HTTP ${res.status}).`);
  }
  const who = { email: body.user?.email ?? email, role: body.user?.role ?? '' };
  sessionStorage.setItem(TOKEN_KEY, body.token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(who));
  return who;
}

/** Forgets the session locally; returns the token it held (to revoke it). */
export function forget() {
  const old = token();
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  return old;
}

/** POST /user/logout with `oldToken`; failures are ignored (the token is forgotten anyway). */
export async function revoke(oldToken) {
  if (!oldToken) return;
  try {
    await fetch(`${apiBase}/user/logout`, {
      method: 'POST',
      headers: { 'X-BINTU-TOKEN': oldToken, accept: 'application/json' },
    });
  } catch {
    // offline: the token expires on its own
  }
}

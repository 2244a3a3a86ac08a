// The header's "Console theme" select: light, dark or auto (follows the system). The
// choice is a preference, not a secret, so it is kept in localStorage.

const KEY = 'acme-portal.console-theme';
const THEMES = ['light', 'dark', 'auto'];
const select = document.querySelector('.host-theme__select');
const listeners = new Set();

function stored() {
  const value = localStorage.getItem(KEY);
  return THEMES.includes(value) ? value : 'light';
}

select.value = stored();
select.addEventListener('change', () => {
  const value = THEMES.includes(select.value) ? select.value : 'light';
  localStorage.setItem(KEY, value);
  for (const fn of listeners) fn(value);
});

/** The chosen theme: 'light' | 'dark' | 'auto'. */
export function current() {
  return select.value;
}

/** Calls `fn(theme)` when the user picks another theme; returns the unsubscribe. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

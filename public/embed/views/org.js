// The Organisation section: the organisation console, mounted as <org-console> while
// this route is shown and removed (which unmounts it) when the portal leaves it.
//
// The console gets the portal's token through getToken; it never shows its own login.
// Its events drive the portal's breadcrumb and title, its sign-out and its notices.

import * as session from '../session.js';
import * as theme from '../theme.js';
import * as language from '../language.js';

/** The portal address the console lives under (its base-path). */
export const BASE = '/embed/org';

/** Whether `pathname` is one of the console's addresses. */
export function ownsPath(pathname) {
  return pathname === BASE || pathname.startsWith(`${BASE}/`);
}

/** The console's module (<meta name="acme-console-module">), e.g. `/org-console.js`. */
const MODULE_URL =
  document.querySelector('meta[name="acme-console-module"]')?.getAttribute('content') || '/org-console.js';

export function orgView() {
  let element = null;
  let placeholder = null;
  let stops = [];
  let active = false;
  // Counts entries and exits: an import that finishes after the route was left (or
  // left and entered again) must not mount a console of its own.
  let generation = 0;

  function stop() {
    for (const fn of stops) fn();
    stops = [];
  }

  function on(type, fn) {
    // Events of an element the portal has already let go of are ignored.
    const listener = (ev) => {
      if (active && ev.currentTarget === element) fn(ev.detail ?? {});
    };
    element.addEventListener(type, listener);
    stops.push(() => element?.removeEventListener(type, listener));
  }

  return {
    async enter(outlet, host) {
      active = true;
      const mine = ++generation;
      placeholder = document.createElement('p');
      placeholder.className = 'host-loading';
      placeholder.setAttribute('role', 'status');
      placeholder.textContent = 'Loading the organisation console…';
      outlet.append(placeholder);
      host.trail([{ label: 'Organisation' }]);

      try {
        // Imported on first use: the Streams and Player pages do not load the console.
        await import(MODULE_URL);
      } catch (err) {
        if (mine !== generation) return;
        placeholder.remove();
        host.notice('console-error', `${language.t('The organisation console could not be loaded')} (${err.message}).`, { tone: 'error' });
        return;
      }
      if (mine !== generation) return;

      element = document.createElement('org-console');
      element.className = 'host-console';
      element.setAttribute('base-path', BASE);
      element.setAttribute('api-base', session.apiBase);
      element.setAttribute('theme', theme.current());
      // The console speaks the portal's language, and switches with it (no remount).
      element.setAttribute('lang', language.current());
      // Set before the element is connected: the console mounts right after.
      element.getToken = async () => session.token();

      on('org-console:ready', () => placeholder?.remove());
      on('org-console:navigate', ({ title, url }) => {
        host.trail([
          { label: 'Organisation', href: `${BASE}/organisation/overview` },
          ...(title ? [{ label: title, href: url }] : []),
        ]);
      });
      on('org-console:logout', () => host.signOut());
      on('org-console:unauthorized', () => {
        const next = encodeURIComponent(location.pathname + location.search);
        host.notice('session', [
          'Your session has ended. ',
          { text: 'Log in again', href: `/embed/login?next=${next}` },
          '.',
        ]);
      });
      on('org-console:error', ({ type, message }) => {
        placeholder?.remove();
        host.notice('console-error', `${language.t('The organisation console reported a problem')}${type ? ` (${type})` : ''}: ${message ?? 'unknown error'}`, { tone: 'error' });
      });
      stops.push(theme.onChange((value) => element?.setAttribute('theme', value)));
      stops.push(language.onChange((value) => element?.setAttribute('lang', value)));

      outlet.append(element);
    },

    /** Shows console path `pathname` (+ query) in the mounted console. */
    navigate(path) {
      const inside = path.slice(BASE.length) || '/organisation/overview';
      element?.navigate(inside);
    },

    /** Whether the console is mounted (a portal link under BASE goes to it). */
    get mounted() {
      return active && element !== null;
    },

    leave() {
      active = false;
      generation += 1;
      stop();
      // Removing the element unmounts the console and everything it added.
      element?.remove();
      element = null;
      placeholder?.remove();
      placeholder = null;
    },
  };
}

// The portal's router: history.pushState plus popstate, in plain JS.
//
// It intercepts clicks only on the containers the portal hands it (its header,
// sidebar, breadcrumb and its own views), never document-wide: the console's
// router (src/router.rs) already listens to clicks on the whole window for links
// under the console's base path, and the two must not fight over the same link.

const changeListeners = new Set();

/** Calls `fn()` after every route change (a link, go(), back/forward). */
export function onChange(fn) {
  changeListeners.add(fn);
  return () => changeListeners.delete(fn);
}

function notify() {
  for (const fn of changeListeners) fn();
}

/** Goes to `path` (path + query, same origin). */
export function go(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
}

/** Starts listening to back/forward and renders the current address. */
export function start() {
  window.addEventListener('popstate', notify);
  notify();
}

/**
 * Handles plain left clicks on same-origin links inside `container` whose path
 * `owns(pathname)` accepts, by calling `navigate(path)` instead of loading a page.
 * Links with a target, a download attribute, rel=external or a modifier key are left
 * to the browser.
 */
export function interceptLinks(container, { owns, navigate }) {
  const onClick = (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) {
      return;
    }
    const link = ev.target instanceof Element ? ev.target.closest('a[href]') : null;
    if (!link || !container.contains(link)) return;
    if (link.target || link.hasAttribute('download') || /\bexternal\b/.test(link.rel)) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !owns(url.pathname)) return;
    ev.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  container.addEventListener('click', onClick);
  return () => container.removeEventListener('click', onClick);
}

// The portal's frame around the views: the header's account area, the sidebar (and
// its menu button on narrow screens), the breadcrumb, the document title and the
// notices above the view. Only DOM updates; the decisions are made in host.js.

import { t } from './language.js';

const PORTAL = 'ACME Partner Portal';

const $ = (selector) => document.querySelector(selector);
const account = $('.host-account');
const userEmail = $('.host-user__email');
const menuButton = $('.host-menu-button');
const sidebar = $('.host-sidebar');
const breadcrumb = $('.host-breadcrumb');
const notices = $('.host-notices');

/** The containers whose links the portal's router handles. */
export const linkContainers = [$('.host-header'), sidebar, breadcrumb, notices];

/** Shows the header's account area and the sidebar for `who`, or hides them (null). */
export function setUser(who) {
  const signedIn = who !== null;
  account.hidden = !signedIn;
  sidebar.hidden = !signedIn;
  menuButton.hidden = !signedIn;
  breadcrumb.hidden = !signedIn;
  userEmail.textContent = who?.email ?? '';
  if (!signedIn) closeMenu();
}

/** Marks the sidebar link of `routeName` as the current page. */
export function setActive(routeName) {
  for (const link of sidebar.querySelectorAll('a[data-route]')) {
    if (link.dataset.route === routeName) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/**
 * The breadcrumb: `items` are `{ label, href? }`; the last one is the current page
 * (no link). Also sets the document title from the labels after the first.
 */
export function setTrail(items) {
  const list = breadcrumb.querySelector('ol');
  list.replaceChildren(...items.map((item, i) => {
    const li = document.createElement('li');
    li.className = 'host-breadcrumb__item';
    if (i < items.length - 1 && item.href) {
      const a = document.createElement('a');
      a.className = 'host-breadcrumb__link';
      a.href = item.href;
      a.textContent = t(item.label);
      li.append(a);
    } else {
      const span = document.createElement('span');
      span.className = 'host-breadcrumb__current';
      span.setAttribute('aria-current', 'page');
      span.textContent = t(item.label);
      li.append(span);
    }
    return li;
  }));
  const titles = items.slice(1).map((i) => i.label).reverse();
  document.title = [...titles, PORTAL].map(t).join(' · ');
}

/**
 * Shows a notice above the view (one per `key`, replaced if shown again). `parts` is
 * text, or a list of strings and `{ text, href }` links. `tone`: 'warning' | 'error'.
 */
export function showNotice(key, parts, { tone = 'warning' } = {}) {
  clearNotice(key);
  const box = document.createElement('div');
  box.className = `host-notice host-notice--${tone}`;
  box.dataset.key = key;
  box.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  const text = document.createElement('p');
  text.className = 'host-notice__text';
  for (const part of Array.isArray(parts) ? parts : [parts]) {
    if (typeof part === 'string') {
      text.append(part);
    } else {
      const a = document.createElement('a');
      a.href = part.href;
      a.textContent = part.text;
      text.append(a);
    }
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'host-notice__dismiss';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => box.remove());
  box.append(text, dismiss);
  notices.append(box);
}

export function clearNotice(key) {
  notices.querySelector(`[data-key="${key}"]`)?.remove();
}

export function clearNotices() {
  notices.replaceChildren();
}

// The sidebar behind the menu button on narrow screens.

function closeMenu() {
  sidebar.classList.remove('host-sidebar--open');
  menuButton.setAttribute('aria-expanded', 'false');
}

/** Closes the narrow-screen menu (after a navigation). */
export { closeMenu };

menuButton.addEventListener('click', () => {
  const open = !sidebar.classList.contains('host-sidebar--open');
  sidebar.classList.toggle('host-sidebar--open', open);
  menuButton.setAttribute('aria-expanded', String(open));
  if (open) sidebar.querySelector('a')?.focus();
});

sidebar.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && sidebar.classList.contains('host-sidebar--open')) {
    closeMenu();
    menuButton.focus();
  }
});

// The skip link focuses <main> itself: a plain #fragment link would be taken by the
// console's router while the console is mounted (it handles links under its base).
document.querySelector('.host-skip-link').addEventListener('click', (ev) => {
  ev.preventDefault();
  document.getElementById('host-main').focus();
});

// ACME Partner Portal: an example host application that embeds the organisation
// console. This module wires the parts: the portal's session (session.js), its
// router (router.js), its frame (chrome.js) and one view per route (views/).
//
//   /embed/login      the portal's own sign-in
//   /embed/streams    example page
//   /embed/org/...    the organisation console (base-path /embed/org)
//   /embed/player     example page
//   /embed/           to Streams, or to the sign-in page

// First: the portal's words are in the chosen language before anything is shown.
import './language.js';
import * as session from './session.js';
import * as router from './router.js';
import * as chrome from './chrome.js';
import { loginView } from './views/login.js';
import { staticView } from './views/static.js';
import { orgView, ownsPath as orgOwns, BASE as ORG_BASE } from './views/org.js';

const LOGIN = '/embed/login';
const HOME = '/embed/streams';
const PORTAL_ROOT = { label: 'ACME Partner Portal', href: HOME };

const org = orgView();
const routes = {
  login: { view: loginView(), title: 'Log in', auth: false },
  streams: { view: staticView('host-view-streams'), title: 'Streams', auth: true },
  org: { view: org, title: 'Organisation', auth: true },
  player: { view: staticView('host-view-player'), title: 'Player', auth: true },
  notFound: { view: staticView('host-view-not-found'), title: 'Page not found', auth: false },
};

/** The route name of a portal path, 'root' for /embed and /embed/. */
function routeOf(pathname) {
  if (pathname === '/embed' || pathname === '/embed/') return 'root';
  if (pathname === LOGIN) return 'login';
  if (pathname === HOME) return 'streams';
  if (pathname === '/embed/player') return 'player';
  if (orgOwns(pathname)) return 'org';
  return 'notFound';
}

const isPortalPath = (pathname) => pathname === '/embed' || pathname.startsWith('/embed/');

/** Where a portal link goes: into the mounted console, or through the portal's router. */
function follow(path) {
  const { pathname } = new URL(path, location.href);
  if (orgOwns(pathname) && org.mounted) org.navigate(path);
  else router.go(path);
}

/** What the views may ask of the portal. */
const host = {
  go: router.go,
  interceptLinks: (container) => router.interceptLinks(container, { owns: isPortalPath, navigate: follow }),
  signedIn: (who) => chrome.setUser(who),
  signOut,
  trail: (items) => chrome.setTrail([PORTAL_ROOT, ...items]),
  notice: chrome.showNotice,
};

/** Signs out of the portal: leaves the console first (it unmounts), then revokes the token. */
function signOut() {
  const old = session.forget();
  chrome.setUser(null);
  router.go(LOGIN);
  session.revoke(old);
}

let current = null; // route name shown

function render() {
  const { pathname, search } = location;
  const name = routeOf(pathname);
  if (name === 'root') {
    router.go(session.isSignedIn() ? HOME : LOGIN, { replace: true });
    return;
  }
  const route = routes[name];
  if (route.auth && !session.isSignedIn()) {
    router.go(`${LOGIN}?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    return;
  }
  if (name === 'login' && session.isSignedIn() && !new URLSearchParams(search).has('next')) {
    router.go(HOME, { replace: true });
    return;
  }
  chrome.closeMenu();
  // Inside the console, back/forward and its own links are the console's business.
  if (name === current && name === 'org') return;

  if (current) routes[current].view.leave();
  chrome.clearNotices();
  const outlet = document.querySelector('.host-view');
  outlet.replaceChildren();
  current = name;
  chrome.setUser(session.isSignedIn() ? session.user() ?? { email: '' } : null);
  chrome.setActive(name);
  host.trail([{ label: route.title }]);
  route.view.enter(outlet, host);
}

for (const container of chrome.linkContainers) host.interceptLinks(container);
document.querySelector('.host-logout').addEventListener('click', signOut);
router.onChange(render);
router.start();

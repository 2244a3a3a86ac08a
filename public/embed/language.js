// The header's "Language" select: the portal's own words and the embedded console's
// language (its `lang` attribute, which switches the console live). English is the
// page's source; German comes from the table below, applied to every text the portal
// shows (and to what it adds later: views, notices, the breadcrumb), never inside the
// console, which speaks for itself. The choice is kept in localStorage.

const KEY = 'acme-portal.language';
const LANGUAGES = ['en', 'de'];

/** The portal's words in German, by their English text. */
const GERMAN = new Map(Object.entries({
  'ACME Partner Portal': 'ACME Partnerportal',
  'Skip to main content': 'Zum Hauptinhalt springen',
  'Portal menu': 'Portalmenü',
  'Portal': 'Portal',
  'Breadcrumb': 'Brotkrümelpfad',
  'Language': 'Sprache',
  'Console theme': 'Design der Konsole',
  'Light': 'Hell',
  'Dark': 'Dunkel',
  'Auto (system)': 'Automatisch (System)',
  'Signed in as': 'Angemeldet als',
  'Log out': 'Abmelden',
  'Streams': 'Streams',
  'Organisation': 'Organisation',
  'Player': 'Player',
  'Example host page, served by the reference backend to show how the organisation console embeds into another application. Not a product.':
    'Beispielseite eines Hosts, vom Referenz-Backend ausgeliefert, um zu zeigen, wie sich die Organisationskonsole in eine andere Anwendung einbetten lässt. Kein Produkt.',
  'Open the standalone console': 'Eigenständige Konsole öffnen',
  'Log in to the partner portal': 'Beim Partnerportal anmelden',
  "The portal logs you in against the same API as the organisation console, which then uses the portal's session: there is no second login.":
    'Das Portal meldet Sie an derselben API an wie die Organisationskonsole, die dann die Sitzung des Portals verwendet: Eine zweite Anmeldung gibt es nicht.',
  'Email': 'E-Mail-Adresse',
  'Password': 'Passwort',
  'Log in': 'Anmelden',
  'On a local demo backend, use one of the demo accounts listed in the README.':
    'Verwenden Sie mit einem lokalen Demo-Backend eines der Demo-Konten aus der README.',
  'Enter your email and password.': 'Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.',
  'The server could not be reached. Check your connection and try again.':
    'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'Example content: a real portal would list its live streams here. This page exists so that the console is unmounted when you leave the Organisation section.':
    'Beispielinhalt: Ein echtes Portal würde hier seine Live-Streams auflisten. Diese Seite gibt es, damit die Konsole beim Verlassen des Bereichs Organisation ausgehängt wird.',
  'Example streams (static sample data)': 'Beispiel-Streams (feste Beispieldaten)',
  'Name': 'Name',
  'State': 'Status',
  'Viewers': 'Zuschauer',
  'Morning show': 'Morgensendung',
  'Product launch rehearsal': 'Probe der Produktvorstellung',
  'Support office hours': 'Support-Sprechstunde',
  'Live': 'Live',
  'Scheduled': 'Geplant',
  'Ended': 'Beendet',
  'New stream (example, does nothing)': 'Neuer Stream (Beispiel, ohne Funktion)',
  'Example content: a real portal would show its web player and embed codes here.':
    'Beispielinhalt: Ein echtes Portal würde hier seinen Web-Player und Einbettungscodes zeigen.',
  'Player placeholder (no video in this example)': 'Platzhalter für den Player (kein Video in diesem Beispiel)',
  'Page not found': 'Seite nicht gefunden',
  'This portal has no page at this address.': 'Dieses Portal hat unter dieser Adresse keine Seite.',
  'Go to Streams': 'Zu Streams',
  'Loading the organisation console…': 'Die Organisationskonsole wird geladen…',
  'Your session has ended.': 'Ihre Sitzung ist beendet.',
  'Log in again': 'Erneut anmelden',
  'Dismiss': 'Schließen',
  'The organisation console could not be loaded': 'Die Organisationskonsole konnte nicht geladen werden',
  'The organisation console reported a problem': 'Die Organisationskonsole meldet ein Problem',
}));
const ENGLISH = new Map([...GERMAN].map(([en, de]) => [de, en]));
/** Attributes whose words are read out. */
const READ_ATTRIBUTES = ['aria-label'];

const select = document.querySelector('.host-language__select');
const listeners = new Set();

function stored() {
  const value = localStorage.getItem(KEY);
  return LANGUAGES.includes(value) ? value : 'en';
}

/** The chosen language: 'en' | 'de'. */
export function current() {
  return select?.value ?? stored();
}

/** `text` (English or German) in the chosen language, spacing kept at both ends. */
export function t(text) {
  const key = text.replace(/\s+/g, ' ').trim();
  if (!key) return text;
  const english = ENGLISH.get(key) ?? key;
  const target = current() === 'de' ? GERMAN.get(english) : GERMAN.has(english) ? english : undefined;
  if (target === undefined || target === key) return text;
  const lead = text.match(/^\s*/)[0].length ? ' ' : '';
  const trail = text.match(/\s*$/)[0].length ? ' ' : '';
  return lead + target + trail;
}

const insideConsole = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest('org-console');

/** Puts every portal text under `root` (not the console's) in the chosen language. */
function translate(root) {
  if (insideConsole(root)) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => (n.nodeName === 'ORG-CONSOLE' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      const next = t(n.nodeValue);
      if (next !== n.nodeValue) n.nodeValue = next;
    } else if (n.nodeType === 1) {
      for (const name of READ_ATTRIBUTES) {
        const value = n.getAttribute(name);
        if (value && t(value) !== value) n.setAttribute(name, t(value));
      }
      if (n.nodeName === 'TEMPLATE') translate(n.content);
    }
  }
}

function apply() {
  document.documentElement.lang = current();
  translate(document.body);
  document.title = document.title.split(' · ').map(t).join(' · ');
}

if (select) {
  select.value = stored();
  select.addEventListener('change', () => {
    localStorage.setItem(KEY, current());
    apply();
    for (const fn of listeners) fn(current());
  });
}
// What the portal adds later (views, notices, the breadcrumb) comes in English.
new MutationObserver((records) => {
  if (current() === 'en') return;
  for (const r of records) {
    if (insideConsole(r.target)) continue;
    for (const node of r.addedNodes) translate(node);
  }
}).observe(document.body, { childList: true, subtree: true });
apply();

/** Calls `fn(language)` when the user picks another language; returns the unsubscribe. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

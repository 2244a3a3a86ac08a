// org-console.js: the one stable URL a host page imports to embed the organisation
// console. It defines <org-console> and exports mount(); docs/embedding.md is the
// host developer's guide. `cargo xtask build` writes it into dist/ with the
// content-hashed names of this build's wasm-bindgen glue and wasm filled in.
//
// What lives here and not in Rust: the element's lifecycle, the theme attribute and
// the stylesheet, which need no wasm. Everything the console adds to the page it
// removes on unmount.

import init, {
  mountConsole,
  navigateConsole,
  setConsoleBasePath,
  setConsoleGetToken,
  setConsoleLocale,
  unmountConsole,
} from './__ORG_CONSOLE_GLUE__';

const THEMES = ['light', 'dark', 'auto'];
const THEME_ATTRIBUTE = 'data-oc-theme';
const HOST_CLASS = 'oc-host';
const STYLESHEET = new URL('./org-console.css', import.meta.url).href;
/** How long a mount waits for the stylesheet before it renders anyway. */
const STYLESHEET_WAIT_MS = 5000;
const WASM = new URL('./__ORG_CONSOLE_WASM__', import.meta.url);
/** This build's folder of modules (the main module's, with the glue and the loader). */
const WASM_FOLDER = new URL('.', WASM).href;

let wasm = null;
/** Instantiates the wasm module once, on the first mount. */
function wasmReady() {
  wasm ??= init({ module_or_path: WASM });
  return wasm;
}

/**
 * The handle of each mounted element: mounting twice gives the same console, and
 * each is told when the console stops (below). An element leaves it on unmount.
 */
const handles = new Map();

// The console's wasm ends a panic with a trap, without running any more of its own
// code (`xtask/src/wasm.rs`, the panic strategy): its hosts hear of it from here. A
// trap surfaces as an uncaught WebAssembly.RuntimeError, from an event handler or a
// timer (an `error` event) or from a promise's callback (`unhandledrejection`).
function tellTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || !fromConsole(error)) return;
  for (const element of handles.keys()) {
    element.dispatchEvent(
      new CustomEvent('org-console:error', {
        bubbles: true,
        composed: true,
        detail: { type: 'render', message: `the console stopped: ${error.message}` },
      }),
    );
  }
}

/**
 * False only for a trap in another module of the page, named by its URL: engines name
 * a module fetched as a file by its URL (the console's main module is one, in this
 * build's folder), and modules compiled from bytes by none (the console's page modules
 * are, and a host's module compiled so counts as the console's).
 */
function fromConsole(error) {
  const frame = String(error.stack ?? '').split('\n').find((line) => line.includes('wasm-function'));
  const url = frame?.match(/(?:https?|file|blob):[^\s)]*?\.wasm/)?.[0];
  return !url || url.startsWith(WASM_FOLDER);
}
addEventListener('error', (event) => tellTrap(event.error));
addEventListener('unhandledrejection', (event) => tellTrap(event.reason));

/**
 * Mounts the console into `element`.
 * @param {HTMLElement} element
 * @param {{basePath: string, apiBase?: string, configUrl?: string,
 *          theme?: 'light'|'dark'|'auto', locale?: string,
 *          getToken?: () => Promise<string|null>, nonce?: string}} options
 * @returns {{element: HTMLElement, ready: Promise<void>, unmount(): void,
 *            navigate(path: string): void, update(changes: object): void}}
 */
export function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError('org-console: mount() needs an HTMLElement');
  }
  const existing = handles.get(element);
  if (existing) {
    existing.update(options);
    return existing;
  }
  const basePath = checkedBasePath(options.basePath);
  const added = { hostClass: !element.classList.contains(HOST_CLASS), stylesheet: null };
  element.classList.add(HOST_CLASS);
  element.setAttribute(THEME_ATTRIBUTE, checkedTheme(options.theme));
  added.stylesheet = addStylesheet(element, options.nonce);

  let id = null;
  let unmounted = false;
  let getToken = options.getToken;
  const ready = (async () => {
    await Promise.all([wasmReady(), loaded(added.stylesheet)]);
    if (unmounted) return;
    id = mountConsole(element, {
      basePath,
      apiBase: options.apiBase || undefined,
      configUrl: options.configUrl || undefined,
      locale: languageTag(options.locale),
      getToken: typeof getToken === 'function' ? getToken : undefined,
    });
  })();

  const handle = {
    element,
    ready,
    unmount() {
      if (unmounted) return;
      unmounted = true;
      handles.delete(element);
      if (id !== null) unmountConsole(id);
      added.stylesheet?.remove();
      if (added.hostClass) element.classList.remove(HOST_CLASS);
      element.removeAttribute(THEME_ATTRIBUTE);
    },
    navigate(path) {
      ready.then(() => {
        if (!unmounted) navigateConsole(id, String(path));
      });
    },
    update(changes = {}) {
      if (unmounted) return;
      if ('theme' in changes) element.setAttribute(THEME_ATTRIBUTE, checkedTheme(changes.theme));
      if ('locale' in changes) {
        const locale = languageTag(changes.locale);
        ready.then(() => !unmounted && setConsoleLocale(id, locale));
      }
      if ('basePath' in changes) {
        const next = checkedBasePath(changes.basePath);
        ready.then(() => !unmounted && setConsoleBasePath(id, next));
      }
      if ('getToken' in changes && changes.getToken !== getToken) {
        getToken = changes.getToken;
        const fn = typeof getToken === 'function' ? getToken : undefined;
        ready.then(() => !unmounted && setConsoleGetToken(id, fn));
      }
    },
  };
  handles.set(element, handle);
  ready.catch((error) => {
    element.dispatchEvent(
      new CustomEvent('org-console:error', {
        bubbles: true,
        composed: true,
        detail: { type: 'network', message: `the console could not load: ${error}` },
      }),
    );
  });
  return handle;
}

/** A base path the console's router can own: absolute and not the whole site. */
function checkedBasePath(value) {
  const path = String(value ?? '').trim().replace(/\/+$/, '');
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError(
      `org-console: basePath must be a path under which the console lives, such as "/organisation" (got ${JSON.stringify(value)})`,
    );
  }
  return path;
}

/** A language tag (`de`, `en-GB`), or undefined for the host page's own language. */
function languageTag(value) {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function checkedTheme(value) {
  return THEMES.includes(value) ? value : 'light';
}

/**
 * Links the console's stylesheet as the element's first child, unless the host page
 * links it itself; returns the link it added.
 */
function addStylesheet(element, nonce) {
  const linkedByHost = [...document.querySelectorAll('link[rel~="stylesheet"]')].some(
    (l) => l.href === STYLESHEET && !l.closest(`.${HOST_CLASS}`),
  );
  if (linkedByHost) return null;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  if (nonce) link.nonce = nonce;
  element.prepend(link);
  return link;
}

/** Resolves when `link` has loaded or failed, or after a while (never rejects). */
function loaded(link) {
  if (!link || link.sheet) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      link.removeEventListener('load', done);
      link.removeEventListener('error', done);
      resolve();
    };
    const timer = setTimeout(done, STYLESHEET_WAIT_MS);
    link.addEventListener('load', done);
    link.addEventListener('error', done);
  });
}

/** `<org-console base-path="/organisation" api-base="/api" theme="auto" lang="de">`. */
class OrgConsoleElement extends HTMLElement {
  static observedAttributes = ['theme', 'lang', 'base-path', 'api-base', 'config-url', 'nonce'];

  #handle = null;
  #getToken = undefined;

  /** The host's token function: `async () => token`. */
  get getToken() {
    return this.#getToken;
  }

  set getToken(fn) {
    const hadOne = typeof this.#getToken === 'function';
    this.#getToken = fn;
    if (!this.#handle) return;
    // Who keeps the session is decided at mount: a first getToken means a remount.
    if (hadOne) this.#handle.update({ getToken: fn });
    else this.#remount();
  }

  /** The mounted console's handle (`ready`, `navigate`), or null. */
  get console() {
    return this.#handle;
  }

  navigate(path) {
    this.#handle?.navigate(path);
  }

  connectedCallback() {
    // A getToken set on the element before this class was defined shadows the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'getToken')) {
      const fn = this.getToken;
      delete this.getToken;
      this.#getToken = fn;
    }
    // In a microtask: properties set right after appending are seen, and a connect
    // that follows a disconnect in the same task (a move) keeps the console.
    queueMicrotask(() => {
      if (this.isConnected && !this.#handle) this.#mount();
    });
  }

  disconnectedCallback() {
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.#handle || previous === value) return;
    if (name === 'theme') this.#handle.update({ theme: value });
    else if (name === 'lang') this.#handle.update({ locale: value });
    else if (name === 'base-path') this.#handle.update({ basePath: value });
    else this.#remount();
  }

  #mount() {
    try {
      this.#handle = mount(this, {
        basePath: this.getAttribute('base-path'),
        apiBase: this.getAttribute('api-base'),
        configUrl: this.getAttribute('config-url'),
        theme: this.getAttribute('theme'),
        locale: this.getAttribute('lang'),
        nonce: this.getAttribute('nonce') || this.nonce,
        getToken: this.#getToken,
      });
    } catch (error) {
      console.error(error);
    }
  }

  #unmount() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  #remount() {
    this.#unmount();
    this.#mount();
  }
}

if (!customElements.get('org-console')) {
  customElements.define('org-console', OrgConsoleElement);
}

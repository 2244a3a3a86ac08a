// The portal's own sign-in page. After signing in it goes to `?next=` (a portal
// address) or to Streams.

import * as session from '../session.js';
import { cloneView } from './template.js';

/** `next` if it is an address inside the portal, else null (no open redirects). */
export function safeNext(next) {
  if (!next || !next.startsWith('/embed/') || next.startsWith('//') || next.startsWith('/embed/login')) {
    return null;
  }
  return next;
}

export function loginView() {
  return {
    enter(outlet, host) {
      const node = cloneView('host-view-login');
      const form = node.querySelector('form');
      const error = node.querySelector('.host-form__error');
      const button = form.querySelector('button[type="submit"]');
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const email = form.elements.email.value.trim();
        const password = form.elements.password.value;
        if (!email || !password) {
          error.textContent = 'Enter your email and password.';
          return;
        }
        error.textContent = '';
        button.disabled = true;
        try {
          const who = await session.signIn(email, password);
          host.signedIn(who);
          const next = safeNext(new URLSearchParams(location.search).get('next'));
          host.go(next ?? '/embed/streams', { replace: true });
        } catch (err) {
          error.textContent = err.message;
          button.disabled = false;
        }
      });
      outlet.append(node);
    },
    leave() {},
  };
}

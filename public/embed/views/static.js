// The portal's placeholder pages (Streams, Player, Not found): a template, shown as it
// is, whose links the portal's router handles.

import { cloneView } from './template.js';

/** A view showing template `#templateId`; `host.interceptLinks(node)` wires its links. */
export function staticView(templateId) {
  let stopLinks = null;
  return {
    enter(outlet, host) {
      const node = cloneView(templateId);
      stopLinks = host.interceptLinks(node);
      outlet.append(node);
    },
    leave() {
      stopLinks?.();
      stopLinks = null;
    },
  };
}

// Clones one of index.html's <template id="host-view-…"> elements.

/** The first element of template `#id`, cloned. */
export function cloneView(id) {
  const template = document.getElementById(id);
  return template.content.firstElementChild.cloneNode(true);
}

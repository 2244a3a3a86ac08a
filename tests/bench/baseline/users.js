// The vanilla-JS baseline: the console's users table (same requests, columns, markup,
// role filter and pager; the selection column an admin sees since the bulk actions,
// without their bar), hand-written, for `cargo xtask bench` to compare against.
// It asks for the list, the signed-in user and the roles in parallel, as soon as the
// page runs. Like the console, it reads the session token from sessionStorage.

const TOKEN = sessionStorage.getItem('org-console.token');
const PAGE_SIZE = 25;
const main = document.getElementById('oc-main');
let api = '/api';
let roles = [];
let me = null;

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== false && v != null) node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children);
  return node;
};

async function get(path) {
  const response = await fetch(api + path, { headers: { 'X-BINTU-TOKEN': TOKEN, Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function query() {
  const params = new URLSearchParams(location.search);
  return { role: params.get('role'), page: Number(params.get('page') ?? 1) };
}

function listPath({ role, page }) {
  const q = new URLSearchParams({ sort: 'email', order: 'asc', page, pageSize: PAGE_SIZE });
  if (role) q.set('role', role);
  return `/user?${q}`;
}

const displayName = (name) => roles.find((r) => r.name === name)?.displayName ?? name;
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
});

function row(user) {
  const isMe = me && user.id === me.id;
  return el('tr', { class: `oc-users__row${isMe ? ' oc-users__row--me' : ''}` },
    el('td', { class: 'oc-users__select' },
      el('input', { type: 'checkbox', class: 'oc-check', 'aria-label': `Select ${user.email}` })),
    el('td', { 'data-label': 'Permission Level' }, el('span', { class: 'oc-role-badge' }, displayName(user.role))),
    el('td', { class: 'oc-users__email', 'data-label': 'Email' },
      el('a', { href: `/organisation/users/${user.id}` }, user.email),
      ...(isMe ? [el('span', { class: 'oc-you' }, ' (you)')] : [])),
    el('td', { 'data-label': 'Token Key' }, el('code', { class: 'oc-token-key', title: user.tokenKey }, user.tokenKey)),
    el('td', { 'data-label': 'Created At (UTC)' },
      el('time', { datetime: user.created_at }, `${dateFormat.format(new Date(user.created_at))} UTC`)),
    el('td', { class: 'oc-table__actions' },
      el('button', { class: 'oc-button oc-button--secondary oc-button--small', type: 'button', 'aria-label': `Reset User Token of ${user.email}` }, 'Reset User Token'),
      el('button', { class: 'oc-button oc-button--secondary oc-button--small oc-button--danger-text', type: 'button', 'aria-label': `Delete User ${user.email}`, disabled: isMe }, 'Delete User')));
}

function filterNav(active) {
  const total = roles.reduce((n, r) => n + (r.userCount ?? 0), 0);
  const link = (role, label, count) => {
    const a = el('a', { class: `oc-filter${role === active ? ' oc-filter--active' : ''}`, href: role ? `?role=${role}` : '?', 'aria-current': role === active ? 'true' : false },
      el('span', { class: 'oc-filter__label' }, label), el('span', { class: 'oc-filter__count' }, String(count)));
    a.addEventListener('click', (e) => {
      e.preventDefault();
      history.pushState(null, '', role ? `?role=${role}` : location.pathname);
      load();
    });
    return el('li', {}, a);
  };
  return el('nav', { class: 'oc-role-filter', 'aria-label': 'Filter by role' },
    el('ul', { class: 'oc-role-filter__list' }, link(null, 'All roles', total), ...roles.map((r) => link(r.name, r.displayName, r.userCount ?? 0))));
}

function render(list, q) {
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const first = list.total ? (q.page - 1) * PAGE_SIZE + 1 : 0;
  const last = Math.min(list.total, q.page * PAGE_SIZE);
  const th = (label, sort) => el('th', { scope: 'col', 'aria-sort': sort ?? false }, label);
  const pager = el('nav', { class: 'oc-pager', 'aria-label': 'User pages' },
    el('button', { class: 'oc-button oc-button--secondary oc-button--small', type: 'button', disabled: q.page <= 1 }, 'Previous page'),
    el('span', { class: 'oc-pager__text', 'aria-live': 'polite' }, `Page ${q.page} of ${pages} · ${first}–${last} of ${list.total}`),
    el('button', { class: 'oc-button oc-button--secondary oc-button--small', type: 'button', disabled: q.page >= pages }, 'Next page'));
  const [previous, , next] = pager.children;
  const goto = (page) => {
    const params = new URLSearchParams(location.search);
    params.set('page', page);
    history.pushState(null, '', `?${params}`);
    load();
  };
  previous.addEventListener('click', () => goto(q.page - 1));
  next.addEventListener('click', () => goto(q.page + 1));
  const card = el('section', { class: 'oc-card oc-users-card', 'aria-labelledby': 'users-title' },
    el('div', { class: 'oc-card__head' }, el('h2', { class: 'oc-card__title', id: 'users-title' }, 'Users'),
      el('p', { class: 'oc-card__subtitle' }, 'Everyone in your organisation and their permission level.')),
    filterNav(q.role),
    el('div', { class: 'oc-table-wrap' },
      el('table', { class: 'oc-table oc-table--stack oc-users' },
        el('caption', { class: 'oc-visually-hidden' }, 'Users'),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', class: 'oc-users__select' },
            el('input', { type: 'checkbox', class: 'oc-check', 'aria-label': 'Select every user on this page' })),
          th('Permission Level', 'none'), th('Email', 'ascending'), th('Token Key'), th('Created At (UTC)', 'none'),
          el('th', { scope: 'col' }, el('span', { class: 'oc-visually-hidden' }, 'Actions')))),
        el('tbody', {}, ...list.items.map(row)))),
    pager);
  main.replaceChildren(el('div', { class: 'oc-users-page' }, card));
}

async function load() {
  const q = query();
  try {
    render(await get(listPath(q)), q);
  } catch (e) {
    main.replaceChildren(el('p', { role: 'alert' }, `Could not load the users: ${e.message}`));
  }
}

async function start() {
  const q = query();
  // The config first (the API base), then everything else at once.
  api = (await (await fetch('/config.json')).json()).apiBaseUrl ?? api;
  const [list, user, permissions] = await Promise.all([get(listPath(q)), get('/user/me'), get('/permission/list')]);
  me = user;
  roles = permissions.roles ?? [];
  render(list, q);
}

addEventListener('popstate', load);
start().catch((e) => main.replaceChildren(el('p', { role: 'alert' }, `Could not start: ${e.message}`)));

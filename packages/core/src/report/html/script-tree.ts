/**
 * Dashboard script, part 2: the task tree (virtualized: only the rows in
 * view exist in the DOM, so 10,000 tests scroll smoothly) and its sorting,
 * filtering and keyboard handling. Same safety rules as script-base.ts.
 */
export const SCRIPT_TREE = String.raw`
const ROW_HEIGHT = 28;
const tree = {
  expanded: new Set(),
  sortKey: null,
  sortDir: -1,
  filter: '',
  onlyProblems: false,
  rows: [],
  selected: null,
  sortedCache: new Map(),
  view: null,
};

function sortedChildren(list) {
  if (tree.sortKey === null) return list;
  let cached = tree.sortedCache.get(list);
  if (cached) return cached;
  const key = tree.sortKey;
  const dir = tree.sortDir;
  cached = list.slice().sort(function (a, b) {
    if (key === 'name') return dir * (a.t.name < b.t.name ? -1 : a.t.name > b.t.name ? 1 : 0);
    const av = a.v[key], bv = b.v[key];
    if (!av && !bv) return a.i - b.i;
    if (!av) return 1;
    if (!bv) return -1;
    return dir * (av.value - bv.value) || a.i - b.i;
  });
  tree.sortedCache.set(list, cached);
  return cached;
}

function matches(n) {
  if (tree.onlyProblems && n.leaks === 0 && n.regressed === 0) return false;
  return tree.filter === '' || n.label.indexOf(tree.filter) !== -1;
}
function flatten() {
  const rows = [];
  const filtering = tree.filter !== '' || tree.onlyProblems;
  const keep = new Set();
  if (filtering) {
    for (const n of nodes) {
      if (n.children.length > 0 && n.t.kind !== 'test') continue;
      if (!matches(n)) continue;
      for (let p = n; p && !keep.has(p); p = p.parent) keep.add(p);
    }
  }
  const visit = function (n, depth) {
    if (filtering && !keep.has(n)) return;
    rows.push({ n: n, depth: depth });
    if (n.children.length > 0 && (filtering || tree.expanded.has(n))) {
      for (const child of sortedChildren(n.children)) visit(child, depth + 1);
    }
  };
  for (const root of sortedChildren(roots)) visit(root, 0);
  tree.rows = rows;
}

function cellFor(n, col) {
  const fig = n.v[col.key];
  if (!fig) return el('div', { class: 'cell empty', text: '\u2013' });
  const text = formatValue(col.unit, fig.value);
  return el('div', { class: 'cell', text: (fig.source === 'measured' ? '' : '~') + text, title: text + ' (' + fig.source + ')' });
}
const KIND_LETTER = { file: 'F', describe: 'D', test: 'T', hook: 'H', run: 'R', task: 'S', verdict: 'V' };
function rowElement(row, index) {
  const n = row.n;
  const hasChildren = n.children.length > 0;
  const open = hasChildren && (tree.expanded.has(n) || tree.filter !== '' || tree.onlyProblems);
  const caret = el('button', { class: hasChildren ? 'caret' : 'caret leaf', tabindex: -1, 'aria-label': open ? 'Collapse' : 'Expand', 'data-action': 'toggle', text: open ? '\u25bc' : '\u25b6' });
  const name = el('div', { class: 'name' }, [
    caret,
    el('span', { class: 'kind', text: KIND_LETTER[n.t.kind] || '?', title: n.t.kind + (n.t.hook ? ' (' + n.t.hook + ')' : '') }),
    el('span', { class: 'dot ' + n.t.state, title: n.t.state }),
    el('span', { class: 'label', text: n.t.kind === 'hook' && n.t.hook && n.t.hook !== n.t.name ? n.t.hook + ': ' + n.t.name : n.t.name, title: n.t.name }),
    n.leaks > 0 ? el('span', { class: 'badge bad', text: n.t.kind === 'test' ? 'leak' : n.leaks + ' leak' + (n.leaks === 1 ? '' : 's') }) : null,
    n.regressed > 0 ? el('span', { class: 'badge warn', text: 'regressed' }) : null,
    n.t.shared ? el('span', { class: 'badge', text: 'shared', title: 'Ran concurrently with ' + plural((n.t.overlaps || []).length, 'other task') + ': figures shared' }) : null,
  ]);
  name.style.paddingLeft = (6 + row.depth * 16) + 'px';
  const attrs = { class: 'row' + (tree.selected === n ? ' selected' : ''), role: 'row', tabindex: 0, 'data-index': index, 'aria-level': row.depth + 1 };
  if (hasChildren) attrs['aria-expanded'] = open ? 'true' : 'false';
  const element = el('div', attrs, [name].concat(COLUMNS.map(function (col) { return cellFor(n, col); })));
  element.style.top = (index * ROW_HEIGHT) + 'px';
  return element;
}

function renderRows() {
  const view = tree.view;
  if (!view) return;
  const top = view.viewport.scrollTop;
  const height = view.viewport.clientHeight || 600;
  const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - 8);
  const end = Math.min(tree.rows.length, Math.ceil((top + height) / ROW_HEIGHT) + 8);
  view.spacer.style.height = (tree.rows.length * ROW_HEIGHT) + 'px';
  const elements = [];
  for (let i = start; i < end; i++) elements.push(rowElement(tree.rows[i], i));
  view.spacer.replaceChildren.apply(view.spacer, elements);
  view.count.textContent = tree.rows.length.toLocaleString('en-US') + ' rows';
  view.count.title = 'Values marked ~ were sampled (no forced GC); hover a value for its source.';
}
function refreshTree() { flatten(); renderRows(); }

function toggle(n) {
  if (n.children.length === 0) return;
  if (tree.expanded.has(n)) tree.expanded.delete(n); else tree.expanded.add(n);
  refreshTree();
}
function reveal(n) {
  for (let p = n.parent; p; p = p.parent) tree.expanded.add(p);
  refreshTree();
  const index = tree.rows.findIndex(function (r) { return r.n === n; });
  if (index >= 0 && tree.view) {
    const vp = tree.view.viewport;
    const y = index * ROW_HEIGHT;
    if (y < vp.scrollTop || y > vp.scrollTop + vp.clientHeight - ROW_HEIGHT) vp.scrollTop = Math.max(0, y - vp.clientHeight / 3);
    renderRows();
  }
}
function select(n) {
  tree.selected = n;
  renderRows();
  if (tree.view) renderDetail(tree.view.detail, n);
}

function setSort(key, headButtons) {
  if (tree.sortKey === key) tree.sortDir = -tree.sortDir;
  else { tree.sortKey = key; tree.sortDir = key === 'name' ? 1 : -1; }
  tree.sortedCache = new Map();
  for (const b of headButtons) {
    const k = b.getAttribute('data-sort');
    b.setAttribute('aria-sort', k === tree.sortKey ? (tree.sortDir > 0 ? 'ascending' : 'descending') : 'none');
    b.textContent = b.getAttribute('data-label') + (k === tree.sortKey ? (tree.sortDir > 0 ? ' \u2191' : ' \u2193') : '');
  }
  refreshTree();
}

function buildTreeView() {
  const search = el('input', { type: 'search', placeholder: 'Filter tests by file or name\u2026', 'aria-label': 'Filter tests' });
  const problems = el('input', { type: 'checkbox' });
  const count = el('span', { class: 'muted' });
  let timer = 0;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { tree.filter = search.value.trim().toLowerCase(); refreshTree(); }, 120);
  });
  problems.addEventListener('change', function () { tree.onlyProblems = problems.checked; refreshTree(); });
  const expandAll = el('button', { text: 'Expand all', onclick: function () { for (const n of nodes) if (n.children.length) tree.expanded.add(n); refreshTree(); } });
  const collapseAll = el('button', { text: 'Collapse all', onclick: function () { tree.expanded.clear(); refreshTree(); } });
  const toolbar = el('div', { class: 'toolbar' }, [search, el('label', {}, [problems, 'Only problems']), expandAll, collapseAll, count]);

  const headButtons = [{ key: 'name', label: 'Test' }].concat(COLUMNS).map(function (col) {
    return el('button', { 'data-sort': col.key, 'data-label': col.label, 'aria-sort': 'none', text: col.label, title: 'Sort by ' + col.label });
  });
  for (const b of headButtons) b.addEventListener('click', function () { setSort(b.getAttribute('data-sort'), headButtons); });
  const head = el('div', { class: 'grid-head', role: 'row' }, headButtons);
  const spacer = el('div', { class: 'spacer', role: 'rowgroup' });
  const viewport = el('div', { class: 'viewport', role: 'treegrid', 'aria-label': 'Tasks' }, [spacer]);
  const detail = el('section', { class: 'detail', 'aria-label': 'Details' });
  tree.view = { viewport: viewport, spacer: spacer, detail: detail, count: count };

  viewport.addEventListener('scroll', function () { requestAnimationFrame(renderRows); });
  spacer.addEventListener('click', function (event) {
    const rowEl = event.target.closest('.row');
    if (!rowEl) return;
    const n = tree.rows[Number(rowEl.getAttribute('data-index'))].n;
    if (event.target.closest('[data-action="toggle"]')) { toggle(n); return; }
    if (n.t.kind !== 'test' && n.t.kind !== 'hook' && tree.selected === n) toggle(n);
    select(n);
  });
  spacer.addEventListener('keydown', function (event) {
    const rowEl = event.target.closest('.row');
    if (!rowEl) return;
    const index = Number(rowEl.getAttribute('data-index'));
    const n = tree.rows[index].n;
    let next = -1;
    if (event.key === 'Enter' || event.key === ' ') { toggle(n); select(n); }
    else if (event.key === 'ArrowRight' && !tree.expanded.has(n)) toggle(n);
    else if (event.key === 'ArrowLeft' && tree.expanded.has(n)) toggle(n);
    else if (event.key === 'ArrowDown') next = Math.min(tree.rows.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else return;
    event.preventDefault();
    if (next >= 0) {
      select(tree.rows[next].n);
      const target = tree.view.spacer.querySelector('[data-index="' + next + '"]');
      if (target) target.focus();
    }
  });
  const pane = el('div', { class: 'treepane' }, [toolbar, head, viewport]);
  return [pane, detail];
}
`;

/**
 * Dashboard script, part 1: DOM helpers, formatting and the task model.
 *
 * Runs in the browser inside one IIFE with the other parts (see render.ts).
 * Safety rules for every part: user text (test names, paths, previews,
 * stacks) only ever reaches the page through textContent / text nodes or
 * setAttribute on inert attributes; no innerHTML, no inline handlers, no
 * URLs built from data. Kept free of backticks and dollar-brace so it can
 * live in a String.raw template.
 */
export const SCRIPT_BASE = String.raw`
const data = JSON.parse(document.getElementById('memscope-data').textContent);

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  setAll(node, attrs);
  appendAll(node, children);
  return node;
}
function svg(tag, attrs, children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAll(node, attrs);
  appendAll(node, children);
  return node;
}
function setAll(node, attrs) {
  if (!attrs) return;
  for (const key of Object.keys(attrs)) {
    const value = attrs[key];
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = String(value);
    else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}
function appendAll(node, children) {
  if (!children) return;
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
function formatBytes(bytes, digits) {
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  // Switch units at 1000, not 1024, so a value never needs four digits (1011 KiB reads as 1.0 MiB).
  while (value >= 1000 && unit < UNITS.length - 1) { value /= 1024; unit++; }
  return sign + value.toFixed(unit === 0 ? 0 : digits !== undefined ? digits : value >= 100 ? 0 : 1) + ' ' + UNITS[unit];
}
// Each figure's label, in the order the detail view lists them, a concept a
// line; a figure is in bytes unless it counts something or ends in Ms.
const FIGURE_LABELS = {
  heapBefore: 'Heap before', heapAfter: 'Heap after', retained: 'Retained', allocated: 'Allocated', peak: 'Peak heap',
  external: 'External', arrayBuffers: 'ArrayBuffers', malloc: 'Native (malloc)',
  gcCount: 'GCs', gcTimeMs: 'GC time',
  handlesOpened: 'Handles opened', handlesLeftOpen: 'Handles left open',
  durationMs: 'Duration',
};
const COUNT_FIGURES = ['gcCount', 'handlesOpened', 'handlesLeftOpen'];
const FIGURES = {};
for (const name of Object.keys(FIGURE_LABELS)) {
  const unit = COUNT_FIGURES.indexOf(name) >= 0 ? 'count' : /Ms$/.test(name) ? 'ms' : 'bytes';
  FIGURES[name] = { label: FIGURE_LABELS[name], unit: unit };
}
function formatValue(unit, value) {
  if (value === undefined || value === null) return '';
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'ms') return (value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')) + ' ms';
  return Math.round(value).toLocaleString('en-US');
}
function formatFigure(name, value) { return formatValue(FIGURES[name] ? FIGURES[name].unit : 'count', value); }
function plural(count, word) { return count.toLocaleString('en-US') + ' ' + word + (count === 1 ? '' : 's'); }

// Columns of the task tree; a column's value for a file or describe is the
// sum (or max) over the tests below it. A column is in bytes and summed
// unless it says otherwise.
const COLUMNS = [
  { key: 'retained', label: 'Retained' },
  { key: 'allocated', label: 'Allocated' },
  { key: 'peak', label: 'Peak', agg: 'max' },
  { key: 'heapDelta', label: 'Heap \u0394' },
  { key: 'handles', label: 'Handles', unit: 'count' },
  { key: 'duration', label: 'Time', unit: 'ms' },
].map(function (col) { return { key: col.key, label: col.label, unit: col.unit || 'bytes', agg: col.agg || 'sum' }; });
function ownValues(t) {
  const f = t.figures;
  const heapDelta = f.heapBefore && f.heapAfter ? { value: f.heapAfter.value - f.heapBefore.value, source: f.heapAfter.source } : undefined;
  const handles = f.handlesLeftOpen || (t.kind === 'test' ? { value: t.handles.length, source: 'measured' } : undefined);
  return { retained: f.retained, allocated: f.allocated, peak: f.peak, heapDelta: heapDelta, handles: handles, duration: f.durationMs };
}

const baseline = data.baseline || null;
const regressionsById = new Map();
if (baseline) for (const r of baseline.regressions) {
  if (!regressionsById.has(r.taskId)) regressionsById.set(r.taskId, []);
  regressionsById.get(r.taskId).push(r);
}

// The tree: one node per task, children in run order. Duplicate ids (merged
// shards) stay separate nodes; a child attaches to the last task with its parent id.
const nodes = data.tasks.map(function (t, i) { return { t: t, i: i, children: [], parent: null, v: ownValues(t), leaks: 0, regressed: 0, label: '' }; });
const byId = new Map();
for (const n of nodes) byId.set(n.t.id, n);
const roots = [];
for (const n of nodes) {
  const parent = n.t.parentId !== null ? byId.get(n.t.parentId) : undefined;
  if (parent && parent !== n) { n.parent = parent; parent.children.push(n); } else roots.push(n);
}
function aggregate(n) {
  n.leaks = n.t.findings.length;
  n.regressed = (regressionsById.get(n.t.id) || []).length;
  n.label = (n.t.kind === 'file' ? n.t.file : [n.t.file].concat(n.t.path).join(' > ')).toLowerCase();
  if (n.children.length === 0) return;
  const sums = {};
  for (const child of n.children) {
    aggregate(child);
    n.leaks += child.leaks;
    n.regressed += child.regressed;
    for (const col of COLUMNS) {
      const fig = child.v[col.key];
      if (!fig) continue;
      const acc = sums[col.key];
      if (!acc) sums[col.key] = { value: fig.value, source: fig.source };
      else {
        acc.value = col.agg === 'max' ? Math.max(acc.value, fig.value) : acc.value + fig.value;
        if (fig.source !== 'measured') acc.source = fig.source;
      }
    }
  }
  for (const col of COLUMNS) if (!n.v[col.key] && sums[col.key]) n.v[col.key] = sums[col.key];
}
for (const root of roots) aggregate(root);
const tests = nodes.filter(function (n) { return n.t.kind === 'test'; });

function testLabel(t) { return t.kind === 'file' ? t.file : t.path.join(' \u203a '); }
function stateBadge(state) {
  const cls = state === 'failed' ? 'badge bad' : state === 'passed' ? 'badge good' : 'badge';
  return el('span', { class: cls, text: state });
}
function sourceBadge(source) {
  return el('span', { class: source === 'measured' ? 'badge accent' : source === 'sampled' ? 'badge' : 'badge warn', text: source, title: SOURCE_HELP[source] });
}
const SOURCE_HELP = {
  measured: 'Measured after a settled, full GC',
  sampled: 'Sampled without forcing a GC: includes garbage not yet collected',
  inferred: 'Inferred from other signals; an estimate',
  shared: 'Read while other tasks ran too: holds what they did as well',
};
`;

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCRIPT_VIEWS = void 0;
/**
 * Dashboard script, part 4: the overview, leaks and baseline pages and the
 * shell (header, tabs). Long lists render their first entries and a "show
 * more" button so a run with thousands of findings stays responsive. Same
 * safety rules as script-base.ts.
 */
exports.SCRIPT_VIEWS = String.raw `
const totals = data.totals;
const run = data.run;
const failing = totals.leakingTests > 0 || totals.regressions > 0 || totals.trackedNotCollected > 0;

function card(label, value, tone) { return el('div', { class: 'card' + (tone ? ' ' + tone : '') }, [el('div', { class: 'label', text: label }), el('div', { class: 'value', text: value })]); }
function taskLink(n) {
  return el('button', { class: 'link', text: n.t.file + ' \u203a ' + testLabel(n.t), onclick: function () { openTask(n); } });
}
function limited(items, render, step) {
  const list = el('div');
  const more = el('button', { class: 'btn' });
  let shown = 0;
  const showMore = function () {
    for (const item of items.slice(shown, shown + step)) list.insertBefore(render(item), more);
    shown = Math.min(items.length, shown + step);
    more.textContent = 'Show more (' + (items.length - shown).toLocaleString('en-US') + ' left)';
    if (shown >= items.length) more.remove();
  };
  list.append(more);
  more.addEventListener('click', showMore);
  showMore();
  return list;
}
function topTable(figure) {
  const ranked = tests.filter(function (n) { return n.t.figures[figure]; })
    .sort(function (a, b) { return b.t.figures[figure].value - a.t.figures[figure].value; }).slice(0, 10);
  if (!ranked.length) return el('p', { class: 'muted', text: 'Not measured in this run.' });
  return el('table', { class: 'data' }, [el('tbody', {}, ranked.map(function (n) {
    const fig = n.t.figures[figure];
    return el('tr', {}, [el('td', { class: 'num', text: formatFigure(figure, fig.value) }), el('td', {}, [sourceBadge(fig.source)]), el('td', {}, [taskLink(n)])]);
  }))]);
}

function overviewPage() {
  const page = el('div', { class: 'page' });
  page.append(el('div', { class: 'cards' }, [
    card('Tests', totals.tests.toLocaleString('en-US')),
    card('Passed', totals.passed.toLocaleString('en-US'), 'good'),
    card('Failed', totals.failed.toLocaleString('en-US'), totals.failed ? 'bad' : ''),
    card('Leaking tests', totals.leakingTests.toLocaleString('en-US'), totals.leakingTests ? 'bad' : 'good'),
    card('Regressions', baseline ? totals.regressions.toLocaleString('en-US') : '\u2013', totals.regressions ? 'bad' : baseline ? 'good' : ''),
    card('Handles left open', totals.handlesLeftOpen.toLocaleString('en-US'), totals.handlesLeftOpen ? 'warn' : ''),
  ]));
  if (data.missing.length) {
    page.append(el('div', { class: 'notice warn' }, [
      el('strong', { text: 'Figures missing for ' + plural(data.missing.length, 'file') + '.' }),
      ' Their worker did not finish (crash or kill); their tests are not judged.',
      el('ul', { class: 'plain mono' }, data.missing.slice(0, 50).map(function (m) { return el('li', { text: m.file + ' (' + m.reason + ')' }); })),
    ]));
  }
  if (data.duplicates.length) {
    page.append(el('div', { class: 'notice warn' }, [
      el('strong', { text: plural(data.duplicates.length, 'test id') + ' seen more than once' }), ' (overlapping shards?)',
      el('ul', { class: 'plain mono' }, data.duplicates.slice(0, 50).map(function (id) { return el('li', { text: id }); })),
    ]));
  }
  if (totals.trackedNotCollected) page.append(el('div', { class: 'notice bad', text: plural(totals.trackedNotCollected, 'tracked object') + ' not collected.' }));
  page.append(el('h2', { text: 'Most retained' }), topTable('retained'));
  page.append(el('h2', { text: 'Most allocated' }), topTable('allocated'));
  const info = [
    ['Runner', run.runner.name + ' ' + run.runner.version], ['Node', run.node], ['V8', run.v8],
    ['Capture', run.capture === 'native' ? 'native addon' : 'pure JS (node:v8)'], ['Figures', run.mode],
    ['Shard', run.shard ? run.shard.index + ' of ' + run.shard.count : ''], ['Started', run.startedAt || ''],
    ['Duration', run.durationMs !== undefined ? formatValue('ms', run.durationMs) : ''], ['Root', run.root || ''],
    ['Report written', data.createdAt], ['Files', totals.files.toLocaleString('en-US')],
  ].filter(function (r) { return r[1]; });
  page.append(el('h2', { text: 'Run' }), el('table', { class: 'data' }, [el('tbody', {}, info.map(function (r) {
    return el('tr', {}, [el('th', { text: r[0] }), el('td', { class: 'mono', text: r[1] })]);
  }))]));
  return page;
}

function leaksPage() {
  const page = el('div', { class: 'page' });
  const withFindings = tests.concat(nodes.filter(function (n) { return n.t.kind === 'hook'; })).filter(function (n) { return n.t.findings.length; });
  if (!withFindings.length) { page.append(el('div', { class: 'empty-state', text: 'No leaks, storms, open handles or native growth were found.' })); return page; }
  const items = [];
  for (const n of withFindings) for (const f of n.t.findings) items.push({ n: n, f: f });
  page.append(el('h2', { text: plural(items.length, 'finding') + ' in ' + plural(withFindings.length, 'test') }));
  page.append(limited(items, function (item) { return findingCard(item.f, item.n.t); }, 50));
  return page;
}

function idList(ids) {
  return limited(ids, function (id) {
    const n = byId.get(id);
    return el('div', { class: 'mono' }, [n ? taskLink(n) : id]);
  }, 100);
}
function baselinePage() {
  const page = el('div', { class: 'page' });
  if (!baseline) { page.append(el('div', { class: 'empty-state', text: 'This run was not compared with a baseline.' })); return page; }
  const state = baseline.updated ? (baseline.created ? 'created by this run' : 'updated by this run') : 'compared';
  page.append(el('p', {}, ['Baseline ', el('span', { class: 'mono', text: baseline.file }), ' \u2014 ' + state + '.']));
  page.append(el('div', { class: 'cards' }, [
    card('Tests compared', Object.keys(baseline.compared).length.toLocaleString('en-US')),
    card('Regressions', baseline.regressions.length.toLocaleString('en-US'), baseline.regressions.length ? 'bad' : 'good'),
    card(baseline.updated ? 'Added' : 'New (not recorded)', baseline.newTests.length.toLocaleString('en-US')),
    card(baseline.updated ? 'Removed' : (baseline.partial ? 'Not in this shard' : 'Not run'), baseline.removedTests.length.toLocaleString('en-US')),
  ]));
  page.append(el('h2', { text: 'Regressions' }));
  if (!baseline.regressions.length) page.append(el('p', { class: 'muted', text: 'No figure grew beyond its tolerance.' }));
  else page.append(el('table', { class: 'data' }, [
    el('thead', {}, [el('tr', {}, ['Test', 'Figure', 'Old', 'New', '\u0394', 'Tolerance', 'Limit'].map(function (h, i) { return el('th', { class: i >= 2 ? 'num' : '', text: h }); }))]),
    el('tbody', {}, baseline.regressions.map(function (r) {
      const n = byId.get(r.taskId);
      const tol = Math.round(r.tolerance.relative * 100) + ' % or ' + formatFigure(r.figure, r.tolerance.absolute);
      return el('tr', {}, [el('td', {}, [n ? taskLink(n) : r.taskId]), el('td', { text: FIGURES[r.figure].label }),
        el('td', { class: 'num', text: formatFigure(r.figure, r.old) }), el('td', { class: 'num delta-up', text: formatFigure(r.figure, r.new) }),
        el('td', { class: 'num delta-up', text: '+' + formatFigure(r.figure, r.new - r.old) }), el('td', { class: 'num', text: tol }),
        el('td', { class: 'num', text: formatFigure(r.figure, r.limit) })]);
    })),
  ]));
  const changes = [];
  for (const id of Object.keys(baseline.compared)) {
    const n = byId.get(id);
    if (!n) continue;
    const row = baseline.compared[id];
    for (const figure of Object.keys(row)) {
      const now = n.t.figures[figure];
      if (!now || now.value === row[figure].old) continue;
      changes.push({ n: n, figure: figure, old: row[figure].old, now: now.value, score: Math.abs(now.value - row[figure].old) / Math.max(1, Math.abs(row[figure].old)) });
    }
  }
  changes.sort(function (a, b) { return b.score - a.score; });
  page.append(el('h2', { text: 'Largest changes' }));
  if (!changes.length) page.append(el('p', { class: 'muted', text: 'No compared figure changed.' }));
  else {
    const table = el('table', { class: 'data' }, [el('thead', {}, [el('tr', {}, ['Test', 'Figure', 'Old', 'New', '\u0394'].map(function (h, i) { return el('th', { class: i >= 2 ? 'num' : '', text: h }); }))])]);
    const body = el('tbody', {}, changes.slice(0, 100).map(function (c) {
      const d = c.now - c.old;
      return el('tr', {}, [el('td', {}, [taskLink(c.n)]), el('td', { text: FIGURES[c.figure].label }), el('td', { class: 'num', text: formatFigure(c.figure, c.old) }),
        el('td', { class: 'num', text: formatFigure(c.figure, c.now) }), el('td', { class: 'num ' + (d > 0 ? 'delta-up' : 'delta-down'), text: (d > 0 ? '+' : '') + formatFigure(c.figure, d) })]);
    }));
    table.append(body);
    page.append(table);
  }
  if (baseline.newTests.length) page.append(el('h2', { text: baseline.updated ? 'Added tests' : 'New tests (enter the baseline on update)' }), idList(baseline.newTests));
  if (baseline.removedTests.length) page.append(el('h2', { text: baseline.updated ? 'Removed tests' : baseline.partial ? 'Baseline tests not in this shard' : 'Baseline tests not run' }), idList(baseline.removedTests));
  return page;
}

const app = { main: null, tabs: [], current: '' };
const PAGES = {
  overview: { label: 'Overview', build: overviewPage },
  tests: { label: 'Tests', count: totals.tests },
  leaks: { label: 'Leaks', count: totals.leakingTests, bad: totals.leakingTests > 0, build: leaksPage },
  baseline: { label: 'Baseline', count: totals.regressions, bad: totals.regressions > 0, build: baselinePage },
};
let treePanes = null;
function show(name) {
  app.current = name;
  for (const b of app.tabs) b.setAttribute('aria-selected', b.getAttribute('data-page') === name ? 'true' : 'false');
  if (name === 'tests') {
    if (!treePanes) treePanes = buildTreeView();
    app.main.className = 'split';
    app.main.replaceChildren.apply(app.main, treePanes);
    refreshTree();
    if (!tree.selected) renderDetail(tree.view.detail, null);
  } else {
    app.main.className = '';
    app.main.replaceChildren(PAGES[name].build());
  }
}
function openTask(n) {
  if (!n) return;
  show('tests');
  reveal(n);
  select(n);
}

function start() {
  document.title = 'memscope \u2014 ' + (failing ? 'problems found' : 'clean') + ' (' + plural(totals.tests, 'test') + ')';
  const context = [run.runner.name + ' ' + run.runner.version, run.mode + ' figures', run.capture + ' capture', 'Node ' + run.node]
    .concat(run.shard ? ['shard ' + run.shard.index + '/' + run.shard.count] : []).join(' \u00b7 ');
  const header = el('header', { class: 'top' }, [
    el('div', { class: 'brand' }, ['mem', el('span', { text: 'scope' })]),
    el('div', { class: 'context', text: context, title: context }),
    el('div', { class: 'status ' + (failing ? 'bad' : 'ok'), text: failing ? 'problems found' : 'clean' }),
  ]);
  app.tabs = Object.keys(PAGES).map(function (name) {
    const p = PAGES[name];
    return el('button', { role: 'tab', 'data-page': name, 'aria-selected': 'false', onclick: function () { show(name); } }, [
      p.label, p.count !== undefined ? el('span', { class: 'count' + (p.bad ? ' bad' : ''), text: p.count.toLocaleString('en-US') }) : null,
    ]);
  });
  const nav = el('nav', { class: 'tabs', role: 'tablist' }, app.tabs);
  app.main = el('main');
  document.getElementById('app').replaceChildren(header, nav, app.main);
  show('overview');
}
start();
`;
//# sourceMappingURL=script-views.js.map
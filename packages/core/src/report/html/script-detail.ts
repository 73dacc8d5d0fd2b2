/**
 * Dashboard script, part 3: one task's detail (figures with their source,
 * baseline deltas, heap timeline) and the leak inspector (retainer path as a
 * chain, allocation site, preview, cycles). Same safety rules as script-base.ts.
 */
export const SCRIPT_DETAIL = String.raw`
function chainFromFinding(finding) {
  if (finding.retainerPath && finding.retainerPath.length) return finding.retainerPath;
  if (finding.retainerPathText) {
    return finding.retainerPathText.split(' \u2192 ').map(function (part) { return { node: part }; });
  }
  return [];
}
function retainerChain(steps) {
  const chain = el('div', { class: 'chain', role: 'list', 'aria-label': 'Retainer path from a GC root' });
  steps.forEach(function (step, i) {
    const cls = 'step' + (i === 0 ? ' root' : '') + (i === steps.length - 1 ? ' target' : '');
    chain.append(el('span', { class: cls, role: 'listitem', text: step.node }));
    if (i < steps.length - 1) chain.append(el('span', { class: 'edge', text: step.edge || '' }));
  });
  return chain;
}
function stackBlock(lines) { return el('pre', { text: lines.join('\n') }); }

function findingCard(finding, task) {
  const rows = [];
  const add = function (label, value) { if (value) rows.push(el('dt', { text: label }), el('dd', {}, [value])); };
  add('Per call', plural(finding.perCall.count, 'object') + ', ' + formatBytes(finding.perCall.bytes));
  if (finding.name) add('Group', el('span', { class: 'mono', text: finding.name }));
  if (finding.holder) add('Holder', el('span', { class: 'mono', text: finding.holder + (finding.growingEdge ? ' . ' + finding.growingEdge : '') }));
  if (finding.resourceType) add('Resource', el('span', { class: 'mono', text: finding.resourceType }));
  const steps = chainFromFinding(finding);
  if (steps.length) add('Retainer path', retainerChain(steps));
  const site = finding.allocationSite;
  if (site) {
    add('Allocated at', el('div', {}, [
      el('span', { class: 'mono', text: (site.functionName || '(anonymous)') + ' (' + site.file + ':' + site.line + ':' + site.column + ')' }),
      ' ', sourceBadge(site.source),
      site.stack.length ? stackBlock(site.stack) : null,
    ]));
  }
  if (finding.creationStack && finding.creationStack.length) add('Created at', stackBlock(finding.creationStack));
  if (finding.preview) add('Preview', el('pre', { text: finding.preview }));
  if (finding.cycles && finding.cycles.length) add('Cycles', el('ul', { class: 'plain mono' }, finding.cycles.map(function (c) { return el('li', { text: c }); })));
  return el('article', { class: 'finding' }, [
    el('div', {}, [el('span', { class: 'badge bad', text: finding.kind }), ' ', el('span', { class: 'title', text: finding.title })]),
    task ? el('div', { class: 'crumbs' }, [el('button', { class: 'link', text: task.file + ' \u203a ' + testLabel(task), onclick: function () { openTask(byId.get(task.id)); } })]) : null,
    el('dl', {}, rows),
  ]);
}

function figuresTable(n) {
  const t = n.t;
  const compared = baseline && baseline.compared[t.id] ? baseline.compared[t.id] : {};
  const body = [];
  for (const name of Object.keys(FIGURES)) {
    const fig = t.figures[name];
    if (!fig) continue;
    const base = compared[name];
    let delta = null;
    if (base) {
      const d = fig.value - base.old;
      const regressed = fig.value > base.limit;
      delta = el('div', {}, [
        el('span', { class: d > 0 ? 'delta-up' : d < 0 ? 'delta-down' : '', text: (d > 0 ? '+' : '') + formatFigure(name, d) }),
        regressed ? el('div', {}, [el('span', { class: 'badge bad', text: 'over limit ' + formatFigure(name, base.limit) })]) : null,
      ]);
    }
    body.push(el('tr', {}, [
      el('td', { text: FIGURES[name].label }),
      el('td', { class: 'num', text: formatFigure(name, fig.value) }),
      el('td', {}, [sourceBadge(fig.source)]),
      el('td', { class: 'num', text: base ? formatFigure(name, base.old) : '' }),
      el('td', { class: 'num' }, [delta]),
    ]));
  }
  if (body.length === 0) return el('p', { class: 'muted', text: 'No figures were recorded for this task.' });
  return el('table', { class: 'data figures' }, [
    el('thead', {}, [el('tr', {}, ['Figure', 'Value', 'Source', 'Baseline', '\u0394'].map(function (h, i) { return el('th', { class: i === 1 || i >= 3 ? 'num' : '', text: h }); }))]),
    el('tbody', {}, body),
  ]);
}

// Heap across the tests of one file in run order; the selected test is marked.
function timeline(n, width) {
  const fileTests = tests.filter(function (x) { return x.t.file === n.t.file; });
  const points = fileTests.filter(function (x) { return x.t.figures.heapAfter; });
  if (points.length === 0) return el('p', { class: 'muted', text: 'No heap figures for this file.' });
  const W = Math.max(320, width), H = 170, left = 70, right = 12, top = 12, bottom = 24;
  let min = Infinity, max = -Infinity;
  for (const p of points) {
    const f = p.t.figures;
    for (const v of [f.heapBefore, f.heapAfter, f.peak]) if (v) { min = Math.min(min, v.value); max = Math.max(max, v.value); }
  }
  // Keep a flat or single-point series off the edges, with room of at least 2 % of the heap.
  const pad = Math.max((max - min) * 0.08, max * 0.01, 512);
  max += pad; min = Math.max(0, min - pad);
  const axis = function (v) { return formatBytes(v, 2); };
  const x = function (i) { return left + (points.length === 1 ? (W - left - right) / 2 : i * (W - left - right) / (points.length - 1)); };
  const y = function (v) { return top + (H - top - bottom) * (1 - (v - min) / (max - min)); };
  const children = [
    svg('line', { class: 'axis', x1: left, y1: H - bottom, x2: W - right, y2: H - bottom }),
    svg('line', { class: 'axis', x1: left, y1: top, x2: left, y2: H - bottom }),
    svg('text', { x: left - 6, y: top + 8, 'text-anchor': 'end', text: axis(max) }),
    svg('text', { x: left - 6, y: H - bottom, 'text-anchor': 'end', text: axis(min) }),
    svg('text', { x: left, y: H - 6, text: 'test 1' }),
    svg('text', { x: W - right, y: H - 6, 'text-anchor': 'end', text: 'test ' + points.length + ' (run order)' }),
  ];
  const selectedIndex = points.indexOf(n);
  if (selectedIndex >= 0) {
    const sx = x(selectedIndex);
    children.push(svg('rect', { class: 'mark', x: sx - 6, y: top, width: 12, height: H - top - bottom }));
    children.push(svg('line', { class: 'markline', x1: sx, y1: top, x2: sx, y2: H - bottom }));
  }
  points.forEach(function (p, i) {
    const f = p.t.figures;
    const low = f.heapBefore ? f.heapBefore.value : f.heapAfter.value;
    const high = f.peak ? f.peak.value : Math.max(low, f.heapAfter.value);
    if (points.length > 400) return;
    children.push(svg('line', { class: 'range', x1: x(i), y1: y(low), x2: x(i), y2: y(high) }));
  });
  const line = points.map(function (p, i) { return x(i).toFixed(1) + ',' + y(p.t.figures.heapAfter.value).toFixed(1); }).join(' ');
  children.push(svg('polyline', { class: 'line', points: line }));
  if (points.length <= 400) points.forEach(function (p, i) { children.push(svg('circle', { class: 'point', cx: x(i), cy: y(p.t.figures.heapAfter.value), r: 2.5 })); });
  const chart = svg('svg', { class: 'timeline', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Heap after each test of ' + n.t.file }, children);
  return el('div', {}, [chart, el('div', { class: 'legend' }, [
    el('span', { text: '\u2014 heap after each test' }), el('span', { text: '| before \u2192 peak' }),
    selectedIndex >= 0 ? el('span', { text: 'shaded: this test' }) : null,
  ])]);
}

// A leak verdict's decisions in order (stats.trace): phase, what it showed, why, where it led.
function traceList(trace) {
  return el('ol', { class: 'plain trace' }, trace.map(function (step) {
    return el('li', {}, [
      el('span', { class: 'mono', text: step.phase }), ': ', step.saw ? step.saw + '; ' : '',
      el('span', { class: 'muted', text: step.why }), ' \u2192 ', el('b', { text: step.next }),
    ]);
  }));
}

function renderDetail(container, n) {
  if (!n) {
    container.replaceChildren(el('div', { class: 'empty-state', text: 'Select a test to see its figures, heap timeline and findings.' }));
    return;
  }
  const t = n.t;
  const parts = [
    el('div', { class: 'crumbs', text: t.file }),
    el('h2', { text: t.kind === 'file' ? t.file : t.name }),
    el('div', {}, [
      el('span', { class: 'badge', text: t.kind + (t.hook ? ' ' + t.hook : '') }), ' ', stateBadge(t.state),
      t.shared ? el('span', { class: 'badge warn', text: 'shared figures', title: 'Ran concurrently with other tasks' }) : null,
    ]),
  ];
  if (t.overlaps && t.overlaps.length) {
    parts.push(el('div', { class: 'notice', text: 'Ran at the same time as ' + t.overlaps.join(', ') + ': figures marked shared hold what those did too.' }));
  }
  if (t.error) parts.push(el('h3', { text: 'Error' }), el('pre', { text: t.error }));
  for (const r of regressionsById.get(t.id) || []) {
    parts.push(el('div', { class: 'notice bad', text: FIGURES[r.figure].label + ' regressed: ' + formatFigure(r.figure, r.old) + ' \u2192 ' + formatFigure(r.figure, r.new) + ' (limit ' + formatFigure(r.figure, r.limit) + ')' }));
  }
  const leafLike = t.kind === 'test' || t.kind === 'hook' || t.kind === 'task' || t.kind === 'verdict';
  parts.push(el('h3', { text: leafLike ? 'Figures' : 'Own figures' }), figuresTable(n));
  if (leafLike && n.children.length) {
    parts.push(el('h3', { text: 'Tasks inside' }), el('ul', { class: 'plain' }, n.children.map(function (child) {
      const allocated = child.t.figures.allocated;
      return el('li', {}, [
        el('span', { class: 'mono', text: child.t.name }), allocated ? ' — allocated ' + formatFigure('allocated', allocated.value) : '',
        child.t.trace && child.t.trace.length ? traceList(child.t.trace) : null,
      ]);
    })));
  }
  if (t.trace && t.trace.length) parts.push(el('h3', { text: 'Verdict path' }), traceList(t.trace));
  if (t.kind === 'test' || t.kind === 'hook') {
    parts.push(el('h3', { text: 'Heap timeline of ' + t.file }), timeline(n, container.clientWidth - 40));
  } else if (!leafLike && n.children.length) {
    parts.push(el('p', { class: 'muted', text: plural(n.children.length, 'child task') + '; tree columns show their sums (peak: maximum).' }));
  }
  if (t.findings.length) {
    parts.push(el('h3', { text: 'Findings' }));
    for (const f of t.findings) parts.push(findingCard(f, null));
  }
  if (t.handles.length) {
    parts.push(el('h3', { text: 'Handles left open' }));
    for (const h of t.handles) parts.push(el('div', { class: 'finding' }, [el('span', { class: 'badge warn', text: h.type }), stackBlock(h.stack)]));
  }
  if (t.tracked.length) {
    parts.push(el('h3', { text: 'Tracked objects' }));
    parts.push(el('ul', { class: 'plain' }, t.tracked.map(function (o) {
      return el('li', {}, [el('span', { class: 'mono', text: o.name }), ' ', el('span', { class: o.collected ? 'badge good' : 'badge bad', text: o.collected ? 'collected' : 'not collected' }),
        o.retainerPath ? el('div', { class: 'mono muted', text: o.retainerPath }) : null]);
    })));
  }
  container.replaceChildren.apply(container, parts);
  container.scrollTop = 0;
}
`;

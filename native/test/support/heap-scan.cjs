'use strict';
// Looks up and previews a sample of a heap snapshot's nodes, one of every
// kind the snapshot tells apart. Shared by the in-process test (a Vitest
// worker) and the Jest fixture (Jest's runtime), which inject the addon and
// memscope's preview code they loaded.
//
// Why a sample: HeapProfiler::FindObjectById walks the whole heap and marks
// what is reachable on every call (about 3 µs per live object on Node 20: a
// tenth of a second for a bare Node heap, over a second beside a test
// runner), so looking up every node of a busy heap would take hours. What
// objectById may hand over depends on the object's V8 class only, and the
// snapshot's node type plus its `system / <Class>` name tells the classes
// apart, so one lookup per (type, name) pair covers every class.

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'];
const JS_VALUE_TYPES = new Set([2, 3, 5, 6, 7, 10, 11, 12, 13]);
// A Proxy is a JS value the snapshot files with V8's internals.
const PROXY = 'system / JSProxy';
const TYPEOF_BY_NODE_TYPE = { 2: ['string'], 3: ['object', 'function'], 5: ['function'], 6: ['object'], 7: ['number'], 10: ['string'], 11: ['string'], 12: ['symbol'], 13: ['bigint'] };

/**
 * The kind a node stands for. V8's own structures are told apart by their
 * name (`system / ScopeInfo`, `(object elements)`, `(Abort builtin
 * handle)`); user objects by their node type, with a few per constructor
 * name kept apart from the rest (`global`, `system / Context`).
 */
function kindOf(type, name) {
  if (type === 0 && name === PROXY) return `${type}:${name}`;
  const internal = !JS_VALUE_TYPES.has(type) || name.startsWith('system /');
  if (!internal) return type === 3 && /^(global|Window|Proxy)\b/.test(name) ? `${type}:${name}` : `${type}`;
  const normalized = name
    .replace(/^\((\w+) builtin handle\)$/, '(builtin handle)')
    .replace(/^\(code for .*\)$/, '(code for)')
    .replace(/\d+/g, 'N');
  // Code objects and native nodes named after a function or a C++ class.
  return `${type}:${/^(system \/|\(|$)/.test(normalized) ? normalized : '<named>'}`;
}

/** How many variables a context holds in the heap (its context and hidden edges), capped. */
function contextShape(graph, node) {
  let variables = 0;
  for (let e = graph.edgeStart[node]; e < graph.edgeStart[node + 1]; e++) if (graph.edgeTypes[e] === 0 || graph.edgeTypes[e] === 4) variables++;
  return Math.min(variables, 8);
}

/**
 * Node indexes to look up: `perKind` of every kind, in snapshot order.
 * Closure contexts, the objects behind the crash this guards against, are
 * told apart by how many variables they hold (function, block, module and
 * catch scopes differ there).
 */
function sampleNodes(graph, perKind) {
  const taken = new Map();
  for (let node = 1; node < graph.nodeCount; node++) {
    const name = graph.strings[graph.nodeNames[node]] ?? '';
    let key = kindOf(graph.nodeTypes[node], name);
    if (/^system \/ \w*Context$/.test(name)) key += `:${contextShape(graph, node)}`;
    const list = taken.get(key) ?? [];
    if (list.length < perKind) list.push(node);
    taken.set(key, list);
  }
  return { kinds: taken.size, nodes: [...taken.values()].flat() };
}

/**
 * Looks up every sampled node with objectById and previews it as a finding
 * would (previewObject with the snapshot). Returns what went wrong, if
 * anything, and what was seen.
 */
function scanHeap({ native, previewObject, describeInternalNode, HeapIndex, perKind = 1 }) {
  const graph = native.heapGraph();
  const index = new HeapIndex(graph);
  const { kinds, nodes } = sampleNodes(graph, perKind);
  const problems = [];
  const seen = {};
  const started = Date.now();
  for (const node of nodes) {
    const type = graph.nodeTypes[node];
    const name = index.name(node);
    const id = graph.nodeIds[node];
    const value = native.objectById(id);
    const description = describeInternalNode(index, node);
    const preview = previewObject(id, 0, {}, () => value, { index, node });
    const where = `${NODE_TYPES[type]} "${name.slice(0, 60)}" (id ${id})`;
    if (description !== undefined && value !== undefined) problems.push(`${where}: described as "${description}" yet objectById returned a ${typeof value}`);
    const expected = type === 0 && name === PROXY ? ['object', 'function'] : TYPEOF_BY_NODE_TYPE[type] ?? [];
    if (value !== undefined && !expected.includes(typeof value)) problems.push(`${where}: objectById returned a ${typeof value}`);
    if (preview !== undefined && typeof preview !== 'string') problems.push(`${where}: preview is a ${typeof preview}`);
    const key = `${NODE_TYPES[type]}: ${value === undefined ? 'undefined' : typeof value}`;
    seen[key] = (seen[key] ?? 0) + 1;
  }
  return { nodeCount: graph.nodeCount, kinds, looked: nodes.length, ms: Date.now() - started, seen, problems };
}

module.exports = { scanHeap, kindOf };

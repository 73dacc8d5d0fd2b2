import { describe, expect, test } from 'vitest';
import { heapGraph, nodesOfCalls, type NodeSpec } from '../capture/graph-helpers.js';
import type { HeapGraph } from '../../src/capture/types.js';
import { EdgeType, HeapIndex, NodeType } from '../../src/analyzers/heap-index.js';
import { groupSurvivors } from '../../src/analyzers/survivors.js';
import { leakFilterRules } from '../../src/analyzers/rule-list.js';
import { mergeByHolder } from '../../src/analyzers/holder-groups.js';


// Ids up to 100 existed before the measured calls; 101 and later are new.
const BOUNDARY = 100;
const { element, property, internal, context } = EdgeType;

/** A closure (32 B) and the scope it closes over: a 40 B V8 Context with the given edges, its id two past the closure's. */
function closureInScope(key: string, name: string, id: number, scopeEdges: Array<[number, string, string]>): NodeSpec[] {
  return [
    { key, name, type: NodeType.closure, id, size: 32, edges: [[internal, 'context', `${key} scope`]] },
    { key: `${key} scope`, name: 'system / Context', type: NodeType.object, id: id + 2, size: 40, edges: scopeEdges },
  ];
}

/**
 * A user's Map gaining Sessions, plus what a pure-JS snapshot taken from a
 * file also holds at that moment: the file's path on the snapshot code's
 * stack, and strings V8 interned while the previous snapshot was parsed.
 */
function snapshotWithOwnStrings(): HeapGraph {
  return heapGraph([
    { name: '(root)', type: NodeType.synthetic, id: 1, edges: [[element, 1, '(GC roots)'], [element, 2, 'global']] },
    { name: '(GC roots)', type: NodeType.synthetic, id: 3, edges: [[element, 1, '(Stack roots)'], [element, 2, '(Internalized strings)']] },
    { name: '(Stack roots)', type: NodeType.synthetic, id: 5, edges: [[element, 1, 'path'], [element, 2, 'dir']] },
    { name: '(Internalized strings)', type: NodeType.synthetic, id: 7, edges: [[element, 1, 'nodeIds'], [element, 2, 'edgeTypes']] },
    { name: 'global', type: NodeType.object, id: 9, edges: [[property, 'sessions', 'Map']] },
    { name: 'Map', type: NodeType.object, id: 11, edges: [[internal, 'table', 'table']] },
    { name: 'table', type: NodeType.array, id: 13, edges: [[element, 0, 's1'], [element, 1, 's2'], [element, 2, 's3']] },
    { key: 's1', name: 'Session', type: NodeType.object, id: 101, size: 64 },
    { key: 's2', name: 'Session', type: NodeType.object, id: 103, size: 64 },
    { key: 's3', name: 'Session', type: NodeType.object, id: 105, size: 64 },
    { key: 'path', name: '/tmp/memscope-snapshot-x/heap.heapsnapshot', type: NodeType.consString, id: 107, edges: [[internal, 'first', 'dir'], [internal, 'second', 'file']] },
    { key: 'dir', name: '/tmp/memscope-snapshot-x', type: NodeType.string, id: 109 },
    { key: 'file', name: '/heap.heapsnapshot', type: NodeType.string, id: 111 },
    { name: 'nodeIds', type: NodeType.string, id: 113 },
    { name: 'edgeTypes', type: NodeType.string, id: 115 },
  ]);
}

describe('groupSurvivors', () => {
  test('reports the Sessions the Map gains and none of the snapshot code’s own strings', () => {
    const index = new HeapIndex(snapshotWithOwnStrings());
    const groups = groupSurvivors(index, [BOUNDARY], leakFilterRules);
    expect(groups.map((group) => [group.name, group.members.length])).toEqual([['Session', 3]]);
    expect(groups[0]!.holder?.label).toBe('Map');
  });

  test('keeps survivors held by different roots in different groups', () => {
    const index = new HeapIndex(snapshotWithOwnStrings());
    // Without the rules, the interned strings still form a group of their own,
    // apart from the Sessions, and the stack-held path is never a survivor.
    const groups = groupSurvivors(index, [BOUNDARY], []);
    const names = groups.map((group) => group.members.map((member) => index.name(member)).sort());
    expect(names).toContainEqual(['edgeTypes', 'nodeIds']);
    expect(names.flat()).not.toContain('/tmp/memscope-snapshot-x');
    expect(names.flat()).not.toContain('/heap.heapsnapshot');
  });
});

/**
 * An emitter gaining an 'error' listener per call, each closing over a
 * request two scopes up (`context → previous`), and a WeakMap whose values
 * are keyed by those requests: what a library's per-request listener leak
 * looks like in a snapshot.
 */
function listenerLeak(): HeapGraph {
  const listener = (n: number, id: number): NodeSpec[] => [
    ...closureInScope(`l${n}`, 'onError', id + 1, [[internal, 'previous', `p${n}`]]),
    { key: `p${n}`, name: 'system / Context', type: NodeType.object, id: id + 5, size: 48, edges: [[context, 'request', `r${n}`]] },
    { key: `r${n}`, name: 'Request', type: NodeType.object, id: id + 7, size: 56, edges: [[property, 'body', `b${n}`]] },
    { key: `b${n}`, name: `payload-${n}`, type: NodeType.string, id: id + 9, size: 24 },
    { key: `v${n}`, name: 'Object', type: NodeType.object, id: id + 11, size: 40 },
  ];
  return heapGraph([
    { name: '(root)', type: NodeType.synthetic, id: 1, edges: [[element, 1, 'global']] },
    { name: 'global', type: NodeType.object, id: 9, edges: [[property, 'client', 'Client'], [property, 'internals', 'WeakMap']] },
    { name: 'WeakMap', type: NodeType.object, id: 11, edges: [[internal, 'table', 'weak table']] },
    {
      key: 'weak table', name: 'system / EphemeronHashTable', type: NodeType.array, id: 13,
      edges: [1, 2, 3].map((n) => [internal, `${n} / part of key (Request @${100 + n * 20 + 7}) -> value (Object @${100 + n * 20 + 11}) pair in WeakMap (table @13)`, `v${n}`] as [number, string, string]),
    },
    { name: 'Client', type: NodeType.object, id: 15, edges: [[property, '_events', 'events']] },
    { key: 'events', name: 'Object', type: NodeType.object, id: 17, edges: [[property, 'error', 'list']] },
    { key: 'list', name: 'Array', type: NodeType.object, id: 19, edges: [[internal, 'elements', 'store']] },
    { key: 'store', name: '(object elements)', type: NodeType.array, id: 21, edges: [[element, 0, 'l1'], [element, 1, 'l2'], [element, 2, 'l3']] },
    ...nodesOfCalls(3, listener),
  ]);
}

describe('one holder, one finding', () => {
  test("folds a listener's scopes and the request they keep into the listener group, held by the emitter", () => {
    const index = new HeapIndex(listenerLeak());
    const groups = groupSurvivors(index, [BOUNDARY], leakFilterRules);
    const listeners = groups.find((group) => group.name === 'onError')!;
    expect(listeners.members).toHaveLength(3);
    // Closure 32 + scopes 40 + 48 + Request 56 + body 24 per listener.
    expect(listeners.bytes).toBe(3 * (32 + 40 + 48 + 56 + 24));
    expect(listeners.holder).toMatchObject({ label: 'Client', edge: "'error' listeners", variable: 'client' });
    expect(groups.map((group) => group.name)).not.toContain('system / Context');
  });

  test('holds a WeakMap value by the holder of its key, and merges it into that finding', () => {
    const index = new HeapIndex(listenerLeak());
    const groups = groupSurvivors(index, [BOUNDARY], leakFilterRules);
    const values = groups.find((group) => group.name === 'Object')!;
    expect(values.holder?.label).toBe('Client');
    const merged = mergeByHolder(groups);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.name).toBe('onError');
    expect(merged[0]!.bytes).toBe(3 * (32 + 40 + 48 + 56 + 24 + 40));
  });

  test('renders the path from the variable, with the full path kept in the steps', () => {
    const index = new HeapIndex(listenerLeak());
    const [group] = mergeByHolder(groupSurvivors(index, [BOUNDARY], leakFilterRules));
    expect(group!.pathText).toBe("global → client → Client → _events → Object → error → Array → elements[0] → onError()");
    expect(group!.retainerPath[0]).toEqual({ node: 'global', edge: 'client' });
  });
});

describe('listeners that existed before the calls', () => {
  test('data an old anonymous listener keeps per call is held by its array, not reported as listeners', () => {
    const graph = heapGraph([
      { name: '(root)', type: NodeType.synthetic, id: 1, edges: [[element, 1, 'global']] },
      { name: 'global', type: NodeType.object, id: 9, edges: [[property, 'bus', 'EventEmitter']] },
      { name: 'EventEmitter', type: NodeType.object, id: 11, edges: [[property, '_events', 'events']] },
      { key: 'events', name: 'Object', type: NodeType.object, id: 13, edges: [[property, 'data', 'listener']] },
      { key: 'listener', name: '', type: NodeType.closure, id: 15, edges: [[internal, 'context', 'scope']] },
      { key: 'scope', name: 'system / Context', type: NodeType.object, id: 17, edges: [[context, 'log', 'log']] },
      { key: 'log', name: 'Array', type: NodeType.object, id: 19, edges: [[internal, 'elements', 'store']] },
      { key: 'store', name: '(object elements)', type: NodeType.array, id: 21, edges: [[element, 0, 'e1'], [element, 1, 'e2']] },
      { key: 'e1', name: 'Entry', type: NodeType.object, id: 101 },
      { key: 'e2', name: 'Entry', type: NodeType.object, id: 103 },
    ]);
    const [group] = groupSurvivors(new HeapIndex(graph), [BOUNDARY], leakFilterRules);
    expect(group!.holder).toMatchObject({ label: 'Array', edge: 'array elements', variable: 'log' });
  });
});

/**
 * A component that subscribes twice per mount and never cleans up: an
 * emitter gains its 'resize' listener, whose scope keeps the store's
 * unsubscribe, whose scope keeps the subscriber; the store's Set holds the
 * same subscriber. The emitter's path is the shorter one, so a
 * breadth-first walk meets every subscriber through a leaked listener first.
 */
function twoSubscriptions(): HeapGraph {
  const mount = (n: number, id: number): NodeSpec[] => [
    ...closureInScope(`r${n}`, 'onResize', id + 1, [[context, 'unsubscribe', `u${n}`]]),
    ...closureInScope(`u${n}`, 'unsubscribe', id + 5, [[context, 'listener', `c${n}`]]),
    { key: `c${n}`, name: 'onCartChange', type: NodeType.closure, id: id + 9, size: 32 },
  ];
  return heapGraph([
    { name: '(root)', type: NodeType.synthetic, id: 1, edges: [[element, 1, 'global']] },
    { name: 'global', type: NodeType.object, id: 9, edges: [[property, 'window', 'Window'], [property, 'modules', 'registry']] },
    { name: 'Window', type: NodeType.object, id: 11, edges: [[property, '_events', 'events']] },
    { key: 'events', name: 'Object', type: NodeType.object, id: 13, edges: [[property, 'resize', 'list']] },
    { key: 'list', name: 'Array', type: NodeType.object, id: 15, edges: [[element, 0, 'r1'], [element, 1, 'r2'], [element, 2, 'r3']] },
    // The store's module sits deeper, as a runner's module graph puts it.
    { key: 'registry', name: 'Object', type: NodeType.object, id: 17, edges: [[property, 'graph', 'graph']] },
    { key: 'graph', name: 'Map', type: NodeType.object, id: 29, edges: [[internal, 'table', 'graph table']] },
    { key: 'graph table', name: 'system / OrderedHashMap', type: NodeType.array, id: 31, edges: [[element, 1, 'module']] },
    { key: 'module', name: 'Object', type: NodeType.object, id: 19, edges: [[property, 'exports', 'exports']] },
    { key: 'exports', name: 'Object', type: NodeType.object, id: 21, edges: [[property, 'cart', 'cart']] },
    { key: 'cart', name: 'Object', type: NodeType.object, id: 23, edges: [[property, 'listeners', 'Set']] },
    { name: 'Set', type: NodeType.object, id: 25, edges: [[internal, 'table', 'table']] },
    { key: 'table', name: 'system / OrderedHashSet', type: NodeType.array, id: 27, edges: [[element, 0, 'c1'], [element, 1, 'c2'], [element, 2, 'c3']] },
    ...nodesOfCalls(3, mount),
  ]);
}

describe('an object two older holders gain per call', () => {
  test("a subscriber the shorter path reaches through a leaked listener's scope is its Set's finding, not the listener's", () => {
    const index = new HeapIndex(twoSubscriptions());
    const merged = mergeByHolder(groupSurvivors(index, [BOUNDARY], leakFilterRules));
    expect(merged.map((group) => [group.name, group.members.length, group.holder?.label, group.holder?.edge]).sort()).toEqual([
      ['onCartChange', 3, 'Set', 'Set entries'],
      ['onResize', 3, 'Window', "'resize' listeners"],
    ]);
    const subscribers = merged.find((group) => group.name === 'onCartChange')!;
    expect(subscribers.holder?.variable).toBe('listeners');
    expect(subscribers.pathText).toMatch(/listeners → Set → table\[\d\] → onCartChange\(\)$/);
    // The listener keeps its own scopes and the unsubscribe closure; the subscriber is not counted twice.
    expect(merged.find((group) => group.name === 'onResize')!.bytes).toBe(3 * (32 + 40 + 32 + 40));
    expect(subscribers.bytes).toBe(3 * 32);
  });

  test('a member the shortest path already reaches through its collection keeps that path and holder', () => {
    const index = new HeapIndex(listenerLeak());
    const [group] = mergeByHolder(groupSurvivors(index, [BOUNDARY], leakFilterRules));
    expect(group!.holder).toMatchObject({ label: 'Client', edge: "'error' listeners" });
    expect(group!.pathText).toBe('global → client → Client → _events → Object → error → Array → elements[0] → onError()');
  });
});

/**
 * Testing Library's module scope after three `render()` + `unmount()`
 * calls: each container `<div>` sits in `mountedContainers` and, with its
 * React root, in an entry of `mountedRootEntries`, until cleanup(). A
 * user's module with a `mountedContainers` Set of its own beside it.
 */
function testingLibraryScope(userSetName: string): HeapGraph {
  const render = (n: number, id: number): NodeSpec[] => [
    { key: `div${n}`, name: 'HTMLDivElement', type: NodeType.object, id: id + 1, size: 64, edges: [[property, '__reactContainer', `root${n}`]] },
    { key: `root${n}`, name: 'FiberRootNode', type: NodeType.object, id: id + 3, size: 400 },
    { key: `entry${n}`, name: 'Object', type: NodeType.object, id: id + 5, size: 32, edges: [[property, 'container', `div${n}`], [property, 'root', `root${n}`]] },
    { key: `mine${n}`, name: 'Widget', type: NodeType.object, id: id + 7, size: 48 },
  ];
  return heapGraph([
    { name: '(root)', type: NodeType.synthetic, id: 1, edges: [[element, 1, 'rtl scope'], [element, 2, 'user scope']] },
    { key: 'rtl scope', name: 'system / Context', type: NodeType.object, id: 9, edges: [[context, 'mountedContainers', 'containers'], [context, 'mountedRootEntries', 'entries']] },
    { key: 'containers', name: 'Set', type: NodeType.object, id: 11, edges: [[internal, 'table', 'containers table']] },
    { key: 'containers table', name: 'system / OrderedHashSet', type: NodeType.array, id: 13, edges: [[element, 0, 'div1'], [element, 1, 'div2'], [element, 2, 'div3']] },
    { key: 'entries', name: 'Array', type: NodeType.object, id: 15, edges: [[element, 0, 'entry1'], [element, 1, 'entry2'], [element, 2, 'entry3']] },
    { key: 'user scope', name: 'system / Context', type: NodeType.object, id: 17, edges: [[context, userSetName, 'user set']] },
    { key: 'user set', name: 'Set', type: NodeType.object, id: 19, edges: [[internal, 'table', 'user table']] },
    { key: 'user table', name: 'system / OrderedHashSet', type: NodeType.array, id: 21, edges: [[element, 0, 'mine1'], [element, 1, 'mine2'], [element, 2, 'mine3']] },
    ...nodesOfCalls(3, render),
  ]);
}

describe("Testing Library's containers kept until cleanup()", () => {
  test('are no group: the containers, their roots and their entries are left out, a user Set of the same name beside them is not', () => {
    for (const userSetName of ['mountedContainers', 'widgets']) {
      const index = new HeapIndex(testingLibraryScope(userSetName));
      const names = groupSurvivors(index, [BOUNDARY], leakFilterRules).map((group) => group.name);
      expect(names).toEqual(['Widget']);
      // Without the rules, the same heap is three more groups.
      expect(groupSurvivors(index, [BOUNDARY], []).map((group) => group.name).sort()).toEqual(['HTMLDivElement', 'Object', 'Widget']);
    }
  });
});

/**
 * jsdom's tree: a container element kept in a variable (`parking`), whose
 * tree record links to its first child, each child's record to the next
 * child, and each child to its own <h3> child the same way. Three <aside>
 * elements were appended after the boundary.
 */
function parkedAsides(): HeapGraph {
  const TREE = '<symbol DOM SymbolTree>';
  const aside = (n: number): NodeSpec[] => {
    const next: Array<[number, string, string]> = n < 3 ? [[property, 'nextSibling', `a${n + 1}`]] : [];
    return [
      { key: `a${n}`, name: 'HTMLElementImpl', type: NodeType.object, id: 100 + n * 10 + 1, size: 80, edges: [[property, TREE, `a${n}.tree`], [property, '_localName', 'aside']] },
      { key: `a${n}.tree`, name: 'SymbolTreeNode', type: NodeType.object, id: 100 + n * 10 + 3, size: 56, edges: [[property, 'parent', 'impl'], [property, 'firstChild', `h${n}`], ...next] },
      { key: `h${n}`, name: 'HTMLHeadingElementImpl', type: NodeType.object, id: 100 + n * 10 + 5, size: 80, edges: [[property, TREE, `h${n}.tree`]] },
      { key: `h${n}.tree`, name: 'SymbolTreeNode', type: NodeType.object, id: 100 + n * 10 + 7, size: 56, edges: [[property, 'parent', `a${n}`]] },
    ];
  };
  return heapGraph([
    { name: '(root)', type: NodeType.synthetic, id: 1, edges: [[element, 1, 'global']] },
    { name: 'global', type: NodeType.object, id: 3, edges: [[property, 'parking', 'wrapper']] },
    { key: 'wrapper', name: 'HTMLDivElement', type: NodeType.object, id: 5, edges: [[property, '<symbol impl>', 'impl']] },
    { key: 'impl', name: 'HTMLDivElementImpl', type: NodeType.object, id: 7, edges: [[property, TREE, 'impl.tree'], [property, '_localName', 'div']] },
    { key: 'impl.tree', name: 'SymbolTreeNode', type: NodeType.object, id: 9, edges: [[property, 'firstChild', 'a1']] },
    { key: 'div', name: 'div', type: NodeType.string, id: 11 },
    { key: 'aside', name: 'aside', type: NodeType.string, id: 13 },
    ...[1, 2, 3].flatMap(aside),
  ]);
}

describe('groupSurvivors on elements linked through tree records of another kind', () => {
  test('makes each appended element a member of one population, held by the element its parent is', () => {
    const index = new HeapIndex(parkedAsides());
    const groups = groupSurvivors(index, [BOUNDARY], leakFilterRules);
    expect(groups.map((group) => [group.name, group.members.length])).toEqual([['HTMLElementImpl', 3]]);
    expect(groups[0]!.holder).toMatchObject({ label: '<div>', edge: 'child nodes', variable: 'parking' });
  });

  test("names happy-dom's child array after its element", () => {
    const asides = [1, 2, 3].map((n): NodeSpec => ({ key: `a${n}`, name: 'HTMLElement', type: NodeType.object, id: 100 + 2 * n + 1, size: 80, edges: [[property, '<symbol localName>', 'aside']] }));
    const index = new HeapIndex(heapGraph([
      { name: '(root)', type: NodeType.synthetic, id: 1, edges: [[element, 1, 'global']] },
      { name: 'global', type: NodeType.object, id: 3, edges: [[property, 'parking', 'div']] },
      { key: 'div', name: 'HTMLDivElement', type: NodeType.object, id: 5, edges: [[property, '<symbol nodeArray>', 'children'], [property, '<symbol localName>', 'div name']] },
      { key: 'children', name: 'Array', type: NodeType.object, id: 7, edges: [[element, 0, 'a1'], [element, 1, 'a2'], [element, 2, 'a3']] },
      { key: 'div name', name: 'div', type: NodeType.string, id: 9 },
      { key: 'aside', name: 'aside', type: NodeType.string, id: 11 },
      ...asides,
    ]));
    const groups = groupSurvivors(index, [BOUNDARY], leakFilterRules);
    expect(groups.map((group) => [group.name, group.members.length])).toEqual([['HTMLElement', 3]]);
    expect(groups[0]!.holder).toMatchObject({ label: '<div>', edge: 'child nodes', variable: 'parking' });
  });
});

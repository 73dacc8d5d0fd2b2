import { describe, expect, it } from 'vitest';
import {
  buildRetainerTree,
  findNodeIndexById,
  retainerStepsText,
  retainerPathForId,
  retainerStepsTo,
} from '../../src/analyzers/retainer-path.js';
import type { HeapGraph } from '../../src/capture/types.js';

type NodeSpec = [name: string, type: number];
type EdgeSpec = [from: number, to: number, type: number, name: string | number];

/** A hand-made snapshot in the HeapGraph layout (node i has id 100 + i). */
function graphOf(nodes: NodeSpec[], edges: EdgeSpec[]): HeapGraph {
  const strings: string[] = [];
  const intern = (text: string) => {
    const at = strings.indexOf(text);
    return at >= 0 ? at : strings.push(text) - 1;
  };
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const edgeStart = new Uint32Array(nodes.length + 1);
  for (const [from] of sorted) edgeStart[from + 1]!++;
  for (let i = 0; i < nodes.length; i++) edgeStart[i + 1]! += edgeStart[i]!;
  return {
    nodeCount: nodes.length,
    edgeCount: sorted.length,
    nodeIds: Uint32Array.from(nodes, (_, i) => 100 + i),
    nodeTypes: Uint8Array.from(nodes, ([, type]) => type),
    nodeNames: Uint32Array.from(nodes, ([name]) => intern(name)),
    nodeSelfSizes: new Float64Array(nodes.length).fill(16),
    edgeStart,
    edgeTypes: Uint8Array.from(sorted, ([, , type]) => type),
    edgeNames: Uint32Array.from(sorted, ([, , , name]) => (typeof name === 'number' ? name : intern(name))),
    edgeTargets: Uint32Array.from(sorted, ([, to]) => to),
    strings,
  };
}

// Types: 0 hidden, 1 array, 3 object, 5 closure, 9 synthetic. Edges: 0 context, 1 element, 2 property, 3 internal, 4 hidden, 6 weak.
const nodes: NodeSpec[] = [
  ['', 9], //                          0 root
  ['(GC roots)', 9], //                1
  ['system / NativeContext', 3], //    2
  ['system / Context', 3], //          3 module context
  ['Map', 3], //                       4
  ['system / OrderedHashMap', 1], //   5
  ['Session', 3], //                   6 the leak
  ['WeakRef', 3], //                   7
  ['Orphan', 3], //                    8 unreachable
  ['system / ScopeInfo', 0], //        9
  ['cache', 2], //                     10 the local's name
  ['handler', 5], //                   11
];
const edges: EdgeSpec[] = [
  [0, 1, 3, '(GC roots)'],
  [1, 7, 1, 0],
  [7, 6, 6, 'target'], // weak: must not count
  [1, 11, 1, 1],
  [11, 3, 3, 'context'],
  [3, 2, 3, 'previous'],
  [3, 9, 3, 'scope_info'],
  [9, 10, 4, 0],
  [3, 4, 4, 0], // hidden slot 0, named by the ScopeInfo's slot 0
  [4, 5, 3, 'table'],
  [5, 6, 3, '3'],
];

describe('retainer paths', () => {
  it('finds the shortest strong path, folds storage into the edge and names module variables', () => {
    const graph = graphOf(nodes, edges);
    const steps = retainerStepsTo(buildRetainerTree(graph), 6)!;
    expect(steps).toEqual([{ node: '(module)', edge: 'cache' }, { node: 'Map', edge: 'table[3]' }, { node: 'Session' }]);
    expect(retainerStepsText(steps)).toBe('(module) cache → Map → table[3] → Session');
    const full = retainerStepsTo(buildRetainerTree(graph), 6, { full: true })!;
    expect(retainerStepsText(full)).toBe('handler() → context → (module) cache → Map → table[3] → Session');
  });

  it('answers null for an unreachable node and for a weakly held one', () => {
    const graph = graphOf(nodes, edges.filter(([from, to]) => !(from === 5 && to === 6)));
    const tree = buildRetainerTree(graph);
    expect(retainerStepsTo(tree, 6)).toBeNull();
    expect(retainerStepsTo(tree, 8)).toBeNull();
    expect(retainerPathForId(graph, 999)).toBeNull();
  });

  it('looks nodes up by snapshot id and uses named context edges when V8 gives them', () => {
    const named = edges.map((edge): EdgeSpec => (edge[0] === 3 && edge[1] === 4 ? [3, 4, 0, 'store'] : edge));
    const graph = graphOf(nodes, named);
    expect(findNodeIndexById(graph, 106)).toBe(6);
    expect(retainerPathForId(graph, 106)?.text).toBe('(module) store → Map → table[3] → Session');
  });

  it('labels a variable of a nested function context (closure) and starts the path there', () => {
    const nested: NodeSpec[] = [...nodes, ['system / Context', 3]]; // 12: outer function context
    const rewired = edges.map((edge): EdgeSpec => (edge[0] === 3 && edge[1] === 2 ? [3, 12, 3, 'previous'] : edge));
    const graph = graphOf(nested, [...rewired, [12, 2, 3, 'previous']]);
    // With no module variable on the path, the closure's variable is where the story starts.
    expect(retainerPathForId(graph, 106)?.text).toBe('(closure) cache → Map → table[3] → Session');
  });
});

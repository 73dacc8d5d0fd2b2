import { describe, expect, test } from 'vitest';
import type { HeapGraph } from '../../src/capture/types.js';
import { EdgeType, HeapIndex, NodeType } from '../../src/analyzers/heap-index.js';
import { groupSurvivors } from '../../src/analyzers/survivors.js';
import { leakFilterRules } from '../../src/analyzers/rule-list.js';

interface NodeSpec {
  /** How edges name this node; the node's name unless given. */
  key?: string;
  name: string;
  type: number;
  id: number;
  size?: number;
  edges?: Array<[type: number, name: string | number, target: string]>;
}

/** A HeapGraph from named nodes; node 0 is the snapshot's root. */
function heapGraph(nodes: NodeSpec[]): HeapGraph {
  const strings: string[] = [];
  const stringIndex = (text: string) => {
    const at = strings.indexOf(text);
    return at >= 0 ? at : strings.push(text) - 1;
  };
  const indexOfKey = new Map(nodes.map((node, i) => [node.key ?? node.name, i]));
  const edges = nodes.flatMap((node) => node.edges ?? []);
  const graph: HeapGraph = {
    nodeCount: nodes.length,
    edgeCount: edges.length,
    nodeIds: Uint32Array.from(nodes, (node) => node.id),
    nodeTypes: Uint8Array.from(nodes, (node) => node.type),
    nodeNames: Uint32Array.from(nodes, (node) => stringIndex(node.name)),
    nodeSelfSizes: Float64Array.from(nodes, (node) => node.size ?? 16),
    edgeStart: new Uint32Array(nodes.length + 1),
    edgeTypes: Uint8Array.from(edges, ([type]) => type),
    edgeNames: Uint32Array.from(edges, ([, name]) => (typeof name === 'number' ? name : stringIndex(name))),
    edgeTargets: Uint32Array.from(edges, ([, , target]) => indexOfKey.get(target)!),
    strings,
  };
  nodes.forEach((node, i) => {
    graph.edgeStart[i + 1] = graph.edgeStart[i]! + (node.edges?.length ?? 0);
  });
  return graph;
}

// Ids up to 100 existed before the measured calls; 101 and later are new.
const BOUNDARY = 100;
const { element, property, internal } = EdgeType;

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

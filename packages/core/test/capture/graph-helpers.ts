import type { HeapGraph } from '../../src/capture/types.js';
import { EdgeType } from '../../src/analyzers/heap-index.js';

export function nodeIndexById(graph: HeapGraph, id: number): number {
  return graph.nodeIds.indexOf(id);
}

export function edgeName(graph: HeapGraph, edge: number): string {
  const type = graph.edgeTypes[edge]!;
  const name = graph.edgeNames[edge]!;
  // Element (1) and hidden (4) edges are named by their index.
  return type === 1 || type === 4 ? String(name) : graph.strings[name]!;
}

/** Property edges leaving a node, as `name -> target node name`. */
export function propertyEdges(graph: HeapGraph, node: number): string[] {
  const edges: string[] = [];
  for (let edge = graph.edgeStart[node]!; edge < graph.edgeStart[node + 1]!; edge++) {
    if (graph.edgeTypes[edge] !== 2) continue;
    const target = graph.edgeTargets[edge]!;
    edges.push(`${edgeName(graph, edge)} -> ${graph.strings[graph.nodeNames[target]!]}`);
  }
  return edges.sort();
}

/** Edges pointing at a node, as `retainer name --type:name-->`. */
export function retainingEdges(graph: HeapGraph, node: number): string[] {
  const edges: string[] = [];
  for (let from = 0; from < graph.nodeCount; from++) {
    for (let edge = graph.edgeStart[from]!; edge < graph.edgeStart[from + 1]!; edge++) {
      if (graph.edgeTargets[edge] !== node) continue;
      edges.push(`${graph.strings[graph.nodeNames[from]!]} --${graph.edgeTypes[edge]}:${edgeName(graph, edge)}-->`);
    }
  }
  return edges.sort();
}

/** A node of a hand-built graph: how edges name it, what V8 would call it. */
export interface NodeSpec {
  /** How edges name this node; the node's name unless given. */
  key?: string;
  name: string;
  type: number;
  /** The snapshot id; odd numbers in order unless given. */
  id?: number;
  size?: number;
  edges?: Array<[type: number, name: string | number, target: string]>;
}

/** A HeapGraph from named nodes; node 0 is the snapshot's root. */
export function heapGraph(nodes: NodeSpec[]): HeapGraph {
  const strings: string[] = [];
  const stringIndex = (text: string) => {
    const at = strings.indexOf(text);
    return at >= 0 ? at : strings.push(text) - 1;
  };
  const indexOfKey = new Map(nodes.map((node, i) => [node.key ?? node.name, i]));
  const edges = nodes.flatMap((node) => node.edges ?? []);
  // Element and hidden edges are named by index, the others by a string.
  const nameOf = ([type, name]: [number, string | number, string]) =>
    type === EdgeType.element || type === EdgeType.hidden || typeof name === 'number' ? Number(name) : stringIndex(name);
  const graph: HeapGraph = {
    nodeCount: nodes.length,
    edgeCount: edges.length,
    nodeIds: Uint32Array.from(nodes, (node, i) => node.id ?? 2 * i + 1),
    nodeTypes: Uint8Array.from(nodes, (node) => node.type),
    nodeNames: Uint32Array.from(nodes, (node) => stringIndex(node.name)),
    nodeSelfSizes: Float64Array.from(nodes, (node) => node.size ?? 16),
    edgeStart: new Uint32Array(nodes.length + 1),
    edgeTypes: Uint8Array.from(edges, ([type]) => type),
    edgeNames: Uint32Array.from(edges, nameOf),
    edgeTargets: Uint32Array.from(edges, ([, , target]) => indexOfKey.get(target)!),
    strings,
  };
  nodes.forEach((node, i) => {
    graph.edgeStart[i + 1] = graph.edgeStart[i]! + (node.edges?.length ?? 0);
  });
  return graph;
}

/**
 * The nodes `calls` calls each made: `nodesOfCall(n, id)` for the n-th call,
 * its ids counting from 100 + 20n, past the boundary of 100 that tests put
 * between what existed before the measured calls and what they made.
 */
export function nodesOfCalls(calls: number, nodesOfCall: (n: number, id: number) => NodeSpec[]): NodeSpec[] {
  return Array.from({ length: calls }, (_, i) => nodesOfCall(i + 1, 100 + (i + 1) * 20)).flat();
}

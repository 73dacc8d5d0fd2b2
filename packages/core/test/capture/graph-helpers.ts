import type { HeapGraph } from '../../src/capture/types.js';

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

import { EdgeType, NodeType, type HeapIndex } from './heap-index.js';
import type { RetainerTree } from './retainer-path.js';

/** A new object that an older Set, Map or array holds as one of its members. */
export interface CollectionMember {
  collection: number;
  /** The Set's or Map's table (an array's `elements` store) the member sits in, or -1 for an array's own element. */
  table: number;
  /** The edge from the table (or the array) to the member. */
  edge: number;
}

const KEYED_COLLECTIONS = /^(Set|Map)$/;

/**
 * The new objects that an older Set, Map or array holds directly: V8 files
 * a Set's and a Map's members in the `table` it points to, an array's as
 * its own elements (or in its `elements` store). A store's listener set holds each subscriber this way,
 * whatever else (a component's scope, another listener) also reaches it.
 */
export function collectionMembers(index: HeapIndex, isNew: (node: number) => boolean, isMember: (node: number) => boolean): Map<number, CollectionMember> {
  const { nodeCount, edgeStart, edgeTargets, edgeTypes } = index.graph;
  const members = new Map<number, CollectionMember>();
  const collect = (collection: number, holder: number, table: number) => {
    for (let e = edgeStart[holder]!; e < edgeStart[holder + 1]!; e++) {
      const target = edgeTargets[e]!;
      if (edgeTypes[e] === EdgeType.weak || !isNew(target) || !isMember(target) || members.has(target)) continue;
      if (table < 0 && edgeTypes[e] !== EdgeType.element) continue;
      members.set(target, { collection, table, edge: e });
    }
  };
  for (let node = 1; node < nodeCount; node++) {
    if (isNew(node) || index.type(node) !== NodeType.object) continue;
    const name = index.name(node);
    if (name === 'Array') {
      collect(node, node, -1);
      const elements = index.edgeTo(node, /^elements$/);
      if (elements >= 0) collect(node, elements, elements);
    } else if (KEYED_COLLECTIONS.test(name)) {
      const table = index.edgeTo(node, /^table$/);
      if (table >= 0) collect(node, table, table);
    }
  }
  return members;
}

/**
 * The retainer tree with the given members re-parented onto their
 * collections, so that their paths read `… listeners → Set → table[0] →
 * onCartChange()`. Members on a collection's own path keep theirs (a
 * re-parented one there would close a cycle).
 */
export function treeThroughCollections(index: HeapIndex, members: ReadonlyMap<number, CollectionMember>): RetainerTree {
  const { parents, parentEdges } = index.shortestPathTree();
  const parentNode = Int32Array.from(parents);
  const parentEdge = Int32Array.from(parentEdges);
  const onCollectionPaths = new Set<number>();
  for (const collection of new Set([...members.values()].map((m) => m.collection))) for (const node of index.pathTo(collection).nodes) onCollectionPaths.add(node);
  for (const [member, { collection, table, edge }] of members) {
    if (onCollectionPaths.has(member) || parents[collection] === -1) continue;
    if (table >= 0 && !onCollectionPaths.has(table)) {
      parentNode[table] = collection;
      parentEdge[table] = tableEdge(index, collection, table);
    }
    parentNode[member] = table >= 0 ? table : collection;
    parentEdge[member] = edge;
  }
  return { graph: index.graph, parentNode, parentEdge };
}

function tableEdge(index: HeapIndex, collection: number, table: number): number {
  const { edgeStart, edgeTargets } = index.graph;
  for (let e = edgeStart[collection]!; e < edgeStart[collection + 1]!; e++) if (edgeTargets[e] === table) return e;
  return -1;
}

/** Node and edge indexes from the root to `member` through its collection (as `HeapIndex.pathTo`). */
export function pathThroughCollection(index: HeapIndex, member: number, { collection, table, edge }: CollectionMember): { nodes: number[]; edges: number[] } {
  const { nodes, edges } = index.pathTo(collection);
  if (table >= 0) {
    nodes.push(table);
    edges.push(tableEdge(index, collection, table));
  }
  nodes.push(member);
  edges.push(edge);
  return { nodes, edges };
}

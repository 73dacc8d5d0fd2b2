import { Session } from 'node:inspector';
import { describe, expect, it } from 'vitest';
import { parseHeapSnapshot } from '../../src/capture/snapshot/snapshot-parser.js';

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[] }; node_count: number; edge_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

function takeSnapshotChunks(): string[] {
  const session = new Session();
  session.connect();
  const chunks: string[] = [];
  session.on('HeapProfiler.addHeapSnapshotChunk', (message) => chunks.push(message.params.chunk));
  session.post('HeapProfiler.takeHeapSnapshot', {});
  // Not disconnected: a disconnect clears every V8 object id in the process.
  return chunks;
}

/** Re-cuts a text at pseudo-random places, so tokens straddle chunk boundaries. */
function recut(text: string, seed: number, maxSize: number): string[] {
  const pieces: string[] = [];
  let state = seed;
  for (let offset = 0; offset < text.length; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % maxSize);
    pieces.push(text.slice(offset, offset + size));
    offset += size;
  }
  return pieces;
}

describe('parseHeapSnapshot', () => {
  // Strings with escapes make the snapshot's string table exercise the slow path.
  const keep = { tricky: 'quote " backslash \\ newline \n tab \t unicode \u2603 end\\' };
  const chunks = takeSnapshotChunks();
  const text = chunks.join('');
  const raw = JSON.parse(text) as RawSnapshot;
  const nodeFields = raw.snapshot.meta.node_fields.length;
  const edgeFields = raw.snapshot.meta.edge_fields.length;

  it.each([
    ['as the inspector sent it', chunks],
    ['cut into 1–7 character pieces', recut(text, 7, 7)],
    ['cut into 1–4096 character pieces', recut(text, 11, 4096)],
  ])('matches JSON.parse when %s', (_label, pieces) => {
    const graph = parseHeapSnapshot(pieces);
    expect(graph.nodeCount).toBe(raw.snapshot.node_count);
    expect(graph.edgeCount).toBe(raw.snapshot.edge_count);
    expect(graph.strings).toEqual(raw.strings);
    expect(graph.strings).toContain(keep.tricky);
    // Compare field by field, counting mismatches (one expect per field keeps the test fast).
    const mismatches: string[] = [];
    for (let node = 0; node < graph.nodeCount; node++) {
      const base = node * nodeFields;
      const edges = graph.edgeStart[node + 1]! - graph.edgeStart[node]!;
      if (graph.nodeIds[node] !== raw.nodes[base + 2]) mismatches.push(`node ${node} id`);
      if (graph.nodeNames[node] !== raw.nodes[base + 1]) mismatches.push(`node ${node} name`);
      if (graph.nodeSelfSizes[node] !== raw.nodes[base + 3]) mismatches.push(`node ${node} self size`);
      if (edges !== raw.nodes[base + 4]) mismatches.push(`node ${node} edge count`);
    }
    for (let edge = 0; edge < graph.edgeCount; edge++) {
      const base = edge * edgeFields;
      if (graph.edgeTypes[edge] !== raw.edges[base]) mismatches.push(`edge ${edge} type`);
      if (graph.edgeNames[edge] !== raw.edges[base + 1]) mismatches.push(`edge ${edge} name`);
      if (graph.edgeTargets[edge] !== raw.edges[base + 2]! / nodeFields) mismatches.push(`edge ${edge} target`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('names node 0 as the synthetic root', () => {
    const graph = parseHeapSnapshot(chunks);
    expect(graph.nodeTypes[0]).toBe(9);
    expect(graph.edgeStart[graph.nodeCount]).toBe(graph.edgeCount);
  });

  it('rejects a snapshot that ends early', () => {
    expect(() => parseHeapSnapshot([text.slice(0, Math.floor(text.length / 2))])).toThrow(/ended before/);
  });
});

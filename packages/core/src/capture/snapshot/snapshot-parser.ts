import type { HeapGraph } from '../types.js';

/**
 * Parses V8's heap snapshot JSON as it streams in, chunk by chunk, straight
 * into the typed arrays of `HeapGraph`.
 *
 * A snapshot's text is several times the size of the heap it describes;
 * joining it into one string and calling JSON.parse would hold the text and
 * a boxed copy of every number at once. The layout is fixed (a small
 * `"snapshot"` header with the field names and counts, then flat number
 * arrays `"nodes"` and `"edges"`, then `"strings"`), so a small state
 * machine reads each number as it passes and keeps nothing else.
 */

/** Node type names in the numbering of `HeapGraph.nodeTypes`. */
const NODE_TYPE_ORDER = [
  'hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native',
  'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape',
  'wasm object',
];
/** Edge type names in the numbering of `HeapGraph.edgeTypes`. */
const EDGE_TYPE_ORDER = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
  edge_fields: string[];
  edge_types: [string[], ...unknown[]];
}

interface SnapshotHeader {
  snapshot: { meta: SnapshotMeta; node_count: number; edge_count: number };
}

const enum Section {
  Header,
  SeekNodes,
  Nodes,
  SeekEdges,
  Edges,
  SeekStrings,
  Strings,
  Done,
}

const NODES_KEY = '"nodes":[';
const EDGES_KEY = '"edges":[';
const STRINGS_KEY = '"strings":[';

function fieldIndex(fields: string[], name: string): number {
  const index = fields.indexOf(name);
  if (index < 0) throw new Error(`heap snapshot has no "${name}" field (fields: ${fields.join(', ')})`);
  return index;
}

/** Maps the snapshot's own type numbering onto ours, by name. */
function typeRemap(names: string[], order: string[]): Uint8Array {
  return Uint8Array.from(names, (name, index) => {
    const ours = order.indexOf(name);
    return ours < 0 ? index : ours;
  });
}

export class SnapshotStreamParser {
  private section = Section.Header;
  /** Text kept between chunks: the header, or the tail while seeking a key. */
  private pending = '';

  private graph: HeapGraph | null = null;
  private nodeFieldCount = 0;
  private nodeTypeField = 0;
  private nodeNameField = 0;
  private nodeIdField = 0;
  private nodeSizeField = 0;
  private nodeEdgeCountField = 0;
  private edgeFieldCount = 0;
  private edgeTypeField = 0;
  private edgeNameField = 0;
  private edgeTargetField = 0;
  private nodeTypeRemap: Uint8Array = new Uint8Array(0);
  private edgeTypeRemap: Uint8Array = new Uint8Array(0);

  /** Number parsing state, carried across chunk boundaries. */
  private value = 0;
  private inNumber = false;
  /** The record (node or edge) and the field within it that the next number fills. */
  private record = 0;
  private field = 0;
  private edgesRead = 0;

  /** String parsing state. */
  private inString = false;
  private stringParts = '';
  private stringHasEscape = false;
  private escapeAtChunkEnd = false;

  write(chunk: string): void {
    let offset = 0;
    while (offset < chunk.length && this.section !== Section.Done) {
      switch (this.section) {
        case Section.Header:
        case Section.SeekNodes: offset = this.seek(chunk, offset, NODES_KEY, Section.Nodes); break;
        case Section.Nodes:
        case Section.Edges: offset = this.readNumbers(chunk, offset, this.section === Section.Nodes); break;
        case Section.SeekEdges: offset = this.seek(chunk, offset, EDGES_KEY, Section.Edges); break;
        case Section.SeekStrings: offset = this.seek(chunk, offset, STRINGS_KEY, Section.Strings); break;
        case Section.Strings: offset = this.readStrings(chunk, offset); break;
      }
    }
  }

  finish(): HeapGraph {
    const graph = this.graph;
    if (this.section !== Section.Done || !graph) {
      throw new Error('heap snapshot ended before its "strings" array was complete');
    }
    if (this.edgesRead !== graph.edgeCount) {
      throw new Error(`heap snapshot announced ${graph.edgeCount} edges but held ${this.edgesRead}`);
    }
    return graph;
  }

  /** Looks for `key` (possibly split across chunks); returns the offset after it. */
  private seek(chunk: string, offset: number, key: string, next: Section): number {
    const text = this.pending + (offset === 0 ? chunk : chunk.slice(offset));
    const found = text.indexOf(key);
    if (found < 0) {
      // The header must be kept whole; elsewhere only a possible key prefix.
      this.pending = this.section === Section.Header ? text : text.slice(-key.length);
      return chunk.length;
    }
    if (this.section === Section.Header) this.readHeader(text.slice(0, found));
    this.pending = '';
    this.section = next;
    this.record = 0;
    this.field = 0;
    // Map the position in `text` back into `chunk`.
    return chunk.length - (text.length - (found + key.length));
  }

  private readHeader(text: string): void {
    // `text` is `{"snapshot":{...},\n`: close the object to parse just that.
    const header = JSON.parse(text.replace(/,\s*$/, '') + '}') as SnapshotHeader;
    const { meta, node_count: nodeCount, edge_count: edgeCount } = header.snapshot;
    this.nodeFieldCount = meta.node_fields.length;
    this.nodeTypeField = fieldIndex(meta.node_fields, 'type');
    this.nodeNameField = fieldIndex(meta.node_fields, 'name');
    this.nodeIdField = fieldIndex(meta.node_fields, 'id');
    this.nodeSizeField = fieldIndex(meta.node_fields, 'self_size');
    this.nodeEdgeCountField = fieldIndex(meta.node_fields, 'edge_count');
    this.edgeFieldCount = meta.edge_fields.length;
    this.edgeTypeField = fieldIndex(meta.edge_fields, 'type');
    this.edgeNameField = fieldIndex(meta.edge_fields, 'name_or_index');
    this.edgeTargetField = fieldIndex(meta.edge_fields, 'to_node');
    this.nodeTypeRemap = typeRemap(meta.node_types[0], NODE_TYPE_ORDER);
    this.edgeTypeRemap = typeRemap(meta.edge_types[0], EDGE_TYPE_ORDER);
    this.graph = {
      nodeCount,
      edgeCount,
      nodeIds: new Uint32Array(nodeCount),
      nodeTypes: new Uint8Array(nodeCount),
      nodeNames: new Uint32Array(nodeCount),
      nodeSelfSizes: new Float64Array(nodeCount),
      edgeStart: new Uint32Array(nodeCount + 1),
      edgeTypes: new Uint8Array(edgeCount),
      edgeNames: new Uint32Array(edgeCount),
      edgeTargets: new Uint32Array(edgeCount),
      strings: [],
    };
  }

  /**
   * Reads unsigned integers until the array's closing bracket, storing each
   * into its record and field. The hot loop of the parser: state lives in
   * locals and goes back to fields only at chunk ends.
   */
  private readNumbers(chunk: string, offset: number, nodes: boolean): number {
    const graph = this.graph!;
    const fieldCount = nodes ? this.nodeFieldCount : this.edgeFieldCount;
    const recordLimit = nodes ? graph.nodeCount : graph.edgeCount;
    let value = this.value;
    let inNumber = this.inNumber;
    let record = this.record;
    let field = this.field;
    const length = chunk.length;
    for (let i = offset; i < length; i++) {
      const code = chunk.charCodeAt(i);
      if (code >= 48 && code <= 57) {
        value = inNumber ? value * 10 + (code - 48) : code - 48;
        inNumber = true;
        continue;
      }
      if (inNumber) {
        if (record >= recordLimit) {
          throw new Error(`heap snapshot holds more than its ${recordLimit} ${nodes ? 'nodes' : 'edges'}`);
        }
        if (nodes) this.storeNodeField(record, field, value);
        else this.storeEdgeField(record, field, value);
        if (++field === fieldCount) {
          field = 0;
          record++;
        }
        inNumber = false;
      }
      if (code === 93 /* ] */) {
        this.value = 0;
        this.inNumber = false;
        this.record = record;
        this.field = field;
        if (nodes) this.closeNodes();
        else this.closeEdges();
        return i + 1;
      }
    }
    this.value = value;
    this.inNumber = inNumber;
    this.record = record;
    this.field = field;
    return length;
  }

  private storeNodeField(node: number, field: number, value: number): void {
    const graph = this.graph!;
    if (field === this.nodeTypeField) graph.nodeTypes[node] = this.nodeTypeRemap[value] ?? value;
    else if (field === this.nodeNameField) graph.nodeNames[node] = value;
    else if (field === this.nodeIdField) graph.nodeIds[node] = value;
    else if (field === this.nodeSizeField) graph.nodeSelfSizes[node] = value;
    // Edge counts become CSR offsets once all nodes are read.
    else if (field === this.nodeEdgeCountField) graph.edgeStart[node + 1] = value;
  }

  private closeNodes(): void {
    const graph = this.graph!;
    if (this.record !== graph.nodeCount || this.field !== 0) {
      throw new Error(`heap snapshot announced ${graph.nodeCount} nodes but held ${this.record}`);
    }
    const starts = graph.edgeStart;
    for (let node = 1; node <= graph.nodeCount; node++) starts[node]! += starts[node - 1]!;
    this.section = Section.SeekEdges;
  }

  private storeEdgeField(edge: number, field: number, value: number): void {
    const graph = this.graph!;
    if (field === this.edgeTypeField) graph.edgeTypes[edge] = this.edgeTypeRemap[value] ?? value;
    else if (field === this.edgeNameField) graph.edgeNames[edge] = value;
    // `to_node` is an offset into the flat nodes array, not a node index.
    else if (field === this.edgeTargetField) graph.edgeTargets[edge] = value / this.nodeFieldCount;
  }

  private closeEdges(): void {
    this.edgesRead = this.field === 0 ? this.record : -1;
    this.section = Section.SeekStrings;
  }

  /** Reads JSON string literals until the array's closing bracket. */
  private readStrings(chunk: string, offset: number): number {
    const strings = this.graph!.strings;
    let i = offset;
    const length = chunk.length;
    while (i < length) {
      if (!this.inString) {
        const code = chunk.charCodeAt(i);
        if (code === 34 /* " */) {
          this.inString = true;
          this.stringParts = '';
          this.stringHasEscape = false;
          i++;
          continue;
        }
        if (code === 93 /* ] */) {
          this.section = Section.Done;
          return i + 1;
        }
        i++;
        continue;
      }
      let start = i;
      if (this.escapeAtChunkEnd) {
        // The previous chunk ended on a backslash: this character is escaped.
        this.escapeAtChunkEnd = false;
        i++;
      }
      let end = -1;
      let quote = -2;
      while (i < length) {
        // Search again only when the previous hit was skipped (escaped).
        if (quote !== -1 && quote < i) quote = chunk.indexOf('"', i);
        const backslash = chunk.indexOf('\\', i);
        if (backslash >= 0 && (quote < 0 || backslash < quote)) {
          this.stringHasEscape = true;
          if (backslash + 1 >= length) {
            this.escapeAtChunkEnd = true;
            i = length;
            break;
          }
          i = backslash + 2;
          continue;
        }
        if (quote < 0) {
          i = length;
          break;
        }
        end = quote;
        break;
      }
      if (end < 0) {
        this.stringParts += chunk.slice(start, length);
        return length;
      }
      const raw = this.stringParts + chunk.slice(start, end);
      strings.push(this.stringHasEscape ? (JSON.parse(`"${raw}"`) as string) : raw);
      this.inString = false;
      this.stringParts = '';
      start = end + 1;
      i = start;
    }
    return length;
  }
}

/** Parses a complete snapshot text; for tests and small inputs. */
export function parseHeapSnapshot(chunks: Iterable<string>): HeapGraph {
  const parser = new SnapshotStreamParser();
  for (const chunk of chunks) parser.write(chunk);
  return parser.finish();
}

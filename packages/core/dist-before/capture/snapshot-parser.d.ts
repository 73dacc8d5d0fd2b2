import type { HeapGraph } from './types.js';
export declare class SnapshotStreamParser {
    private section;
    /** Text kept between chunks: the header, or the tail while seeking a key. */
    private pending;
    private graph;
    private nodeFieldCount;
    private nodeTypeField;
    private nodeNameField;
    private nodeIdField;
    private nodeSizeField;
    private nodeEdgeCountField;
    private edgeFieldCount;
    private edgeTypeField;
    private edgeNameField;
    private edgeTargetField;
    private nodeTypeRemap;
    private edgeTypeRemap;
    /** Number parsing state, carried across chunk boundaries. */
    private value;
    private inNumber;
    /** The record (node or edge) and the field within it that the next number fills. */
    private record;
    private field;
    private edgesRead;
    /** String parsing state. */
    private inString;
    private stringParts;
    private stringHasEscape;
    private escapeAtChunkEnd;
    write(chunk: string): void;
    finish(): HeapGraph;
    /** Looks for `key` (possibly split across chunks); returns the offset after it. */
    private seek;
    private readHeader;
    /**
     * Reads unsigned integers until the array's closing bracket, storing each
     * into its record and field. The hot loop of the parser: state lives in
     * locals and goes back to fields only at chunk ends.
     */
    private readNumbers;
    private storeNodeField;
    private closeNodes;
    private storeEdgeField;
    private closeEdges;
    /** Reads JSON string literals until the array's closing bracket. */
    private readStrings;
}
/** Parses a complete snapshot text; for tests and small inputs. */
export declare function parseHeapSnapshot(chunks: Iterable<string>): HeapGraph;
//# sourceMappingURL=snapshot-parser.d.ts.map
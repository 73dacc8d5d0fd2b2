import type { Capture, HeapFigures, HeapSpaceFigures } from './types.js';
export declare function readHeapFigures(): HeapFigures;
export declare function readHeapSpaces(): HeapSpaceFigures[];
/**
 * The pure-JS capture: node:v8, node:inspector and vm only, no Node flags.
 * It needs the inspector of its own thread (commands answer synchronously
 * there), so create it on the thread it measures.
 *
 * @example
 * const capture = createJsCapture();
 * capture.gc('thorough');
 * const { heapUsed } = capture.heapFigures();
 */
export declare function createJsCapture(): Capture;
//# sourceMappingURL=js.d.ts.map
import { createJsCapture } from './js.js';
import type { Capture } from './types.js';
export { settle } from './settle.js';
export { assertSnapshotFits, measureSnapshotFit, type SnapshotFit } from './snapshot-guard.js';
export declare const defaultLoaders: {
    loadNative: () => Capture;
    createJs: typeof createJsCapture;
};
/**
 * The shared capture: the native addon when it loads, else the pure-JS twin
 * (with one notice on stderr saying why). `MEMSCOPE_CAPTURE=native|js`
 * forces a path.
 *
 * @example
 * const capture = getCapture();
 * await settle(capture);
 * console.log(capture.path, capture.heapFigures().heapUsed);
 */
export declare function getCapture(): Capture;
//# sourceMappingURL=index.d.ts.map
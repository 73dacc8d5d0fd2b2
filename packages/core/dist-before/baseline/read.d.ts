import type { MeasureMode } from '../tasks/types.js';
import { type BaselineFile, type LoadedBaseline } from './types.js';
/**
 * Reads the baseline at `path`. A missing file is not an error (the first
 * run creates it on update); a corrupt one, an unknown version or one
 * recorded in another mode is, and the file is never touched in that case.
 */
export declare function loadBaseline(path: string, options: {
    mode: MeasureMode;
}): Promise<LoadedBaseline>;
/** Parses and checks baseline text; `source` names the file in errors. */
export declare function parseBaseline(text: string, source: string): BaselineFile;
//# sourceMappingURL=read.d.ts.map
import type { FigureSource } from '../figure-source.js';

/** What the analyzers make of a heap, and what a finding carries of it. */

export interface RetainerStep {
  /** The holder's display name, e.g. `Map`, `Session`, `(module) cache`. */
  node: string;
  /** The edge from this holder to the next step, e.g. `table[k]`, `listeners`. Absent on the last step. */
  edge?: string;
}

export interface AllocationSite {
  /** Absolute path (or URL) of the file. */
  file: string;
  /** `file` relative to the project root, set in report.json when the file lies inside the root. */
  relativeFile?: string;
  line: number;
  column: number;
  functionName: string;
  /** Short stack, the user's frames first, formatted `fn (file:line:col)`. */
  stack: string[];
  /** `sampled` when taken from the sampling profiler, `inferred` when refined from source. */
  source: FigureSource;
}

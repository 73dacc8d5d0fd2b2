import { isInternalFrame } from '../../analyzers/stack-frames.js';

const LIBRARY_FRAME = /[\\/]node_modules[\\/]/;
/** Up to the last `node_modules/`: a pnpm store path reads as the package the user installed. */
const PATH_TO_NODE_MODULES = /(\(|at )(?:[^()]*[\\/])?node_modules[\\/]/;

/** `at schedule (/app/node_modules/lib/x.js:3:5)` → `at schedule (node_modules/lib/x.js:3:5)`. */
export function shortLibraryFrame(frame: string): string {
  return LIBRARY_FRAME.test(frame) ? frame.replace(PATH_TO_NODE_MODULES, '$1node_modules/') : frame;
}

/**
 * The frames a reader needs to find a handle's origin: where it was created
 * (the user's line, or a library's line as `node_modules/<pkg>/…`), then,
 * when a library created it, the user's call into that library right below,
 * then the rest. Node's, the runner's and memscope's frames come last, with
 * their full paths (they must still read as internal).
 */
export function creationStack(stack: string, limit = 8): string[] {
  const shown: string[] = [];
  const internal: string[] = [];
  for (const line of stack.split('\n')) {
    const frame = line.trim();
    if (frame.startsWith('at ')) (isInternalFrame(frame) ? internal : shown).push(frame);
  }
  const first = shown[0];
  const userCall = first !== undefined && LIBRARY_FRAME.test(first) ? shown.find((frame) => !LIBRARY_FRAME.test(frame)) : undefined;
  const ordered = userCall === undefined ? shown : [first!, userCall, ...shown.slice(1).filter((frame) => frame !== userCall)];
  return [...ordered.map(shortLibraryFrame), ...internal].slice(0, limit);
}

/**
 * A raw stack of 40 frames is a few KB: a few dozen of them, filled in the
 * warm-up and then left alone, keep the tracker's memory flat between rounds.
 */
const CACHED_STACKS = 32;

/**
 * Creation stacks by the raw stack they came from. A line that opens a
 * handle per call gives the same raw stack every call: it is read once, and
 * every handle of the line shares one array instead of keeping eight strings
 * of its own.
 */
export class MemscopeCreationStacks {
  private readonly byRaw = new Map<string, string[]>();

  of(raw: string): string[] {
    const cached = this.byRaw.get(raw);
    if (cached !== undefined) return cached;
    const stack = creationStack(raw);
    // Once full, stacks that vary per call (recursion, many callers) are read each time, never churned.
    if (this.byRaw.size < CACHED_STACKS) this.byRaw.set(raw, stack);
    return stack;
  }
}

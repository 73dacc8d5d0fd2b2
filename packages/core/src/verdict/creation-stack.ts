import { isInternalFrame, userFramesFirst } from '../analyzers/stack-frames.js';

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
 * then the rest. Node's, the runner's and memscope's frames come last.
 */
export function creationStack(stack: string, limit = 8): string[] {
  const frames = userFramesFirst(stack, Number.MAX_SAFE_INTEGER);
  const shown = frames.filter((frame) => !isInternalFrame(frame));
  // Internal frames keep their full paths: they must still read as internal.
  const internal = frames.filter(isInternalFrame);
  const first = shown[0];
  const userCall = first !== undefined && LIBRARY_FRAME.test(first) ? shown.find((frame) => !LIBRARY_FRAME.test(frame)) : undefined;
  const ordered = userCall === undefined ? shown : [first!, userCall, ...shown.slice(1).filter((frame) => frame !== userCall)];
  return [...ordered.map(shortLibraryFrame), ...internal].slice(0, limit);
}

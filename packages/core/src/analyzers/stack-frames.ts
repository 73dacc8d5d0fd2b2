/**
 * Stack frames as a user reads them: their own code first, Node's internals,
 * the test runner and memscope itself last.
 */

// memscope's build and, when a runner maps its stacks through the shipped
// source maps, its sources (`node_modules/@memscope/core/src/…`).
const OWN_PATTERN = /[\\/](packages[\\/](core|jest-plugin|vitest-plugin)|node_modules[\\/]@memscope[\\/](core|jest|vitest))[\\/](dist|src)[\\/]/;

const INTERNAL_PATTERNS = [
  /\(node:/,
  /^\s*at node:/,
  /\(internal\//,
  /[\\/]node_modules[\\/](jest-|@jest[\\/]|vitest|@vitest[\\/]|tinypool|tinyspy|expect[\\/]|vite-node[\\/])/,
  // Vitest 4 runs test files through Vite's module runner, whose
  // prepareStackTrace maps every stack the code under test reads.
  /[\\/]node_modules[\\/]vite[\\/]dist[\\/]node[\\/]module-runner\.js/,
  OWN_PATTERN,
  // A builtin's frame, `at new Promise (<anonymous>)`; not `at Socket.<anonymous> (/app/x.js:1:2)`, a user's callback.
  /\(<anonymous>\)$|^\s*at <anonymous>$/,
];

/** memscope's own files (build and mapped sources), wherever the package was installed or copied. */
const OWN_ROOT = typeof __dirname === 'string' ? __dirname.replace(/[\\/](dist|src)[\\/]analyzers$/, '') : null;
const OWN_DIRS = OWN_ROOT === null ? [] : [`(${OWN_ROOT}/dist/`, `(${OWN_ROOT}/src/`, `(${OWN_ROOT}\\dist\\`, `(${OWN_ROOT}\\src\\`];

export function isInternalFrame(frame: string): boolean {
  if (OWN_DIRS.some((dir) => frame.includes(dir))) return true;
  return INTERNAL_PATTERNS.some((pattern) => pattern.test(frame));
}

/**
 * A frame of memscope's own files: its build, its mapped sources, or the
 * copy this module was loaded from.
 */
export function isOwnUrl(url: string): boolean {
  const frame = `(${url}:1:1)`;
  return OWN_DIRS.some((dir) => frame.includes(dir)) || OWN_PATTERN.test(frame);
}

/** V8's builtins (no URL), Node's own modules and scripts without a path: code of the runtime. */
export function isRuntimeUrl(url: string): boolean {
  return !url || url.startsWith('node:') || !/[\\/]/.test(url);
}

export function isInternalUrl(url: string): boolean {
  return isRuntimeUrl(url) || isInternalFrame(`(${url}:1:1)`);
}

/** Lines of an Error stack, without the message line, user frames first, at most `limit`. */
export function userFramesFirst(stack: string, limit = 8): string[] {
  const frames = stack
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '));
  const user = frames.filter((frame) => !isInternalFrame(frame));
  const rest = frames.filter((frame) => isInternalFrame(frame));
  return [...user, ...rest].slice(0, limit);
}

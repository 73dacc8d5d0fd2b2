/**
 * Stack frames as a user reads them: their own code first, Node's internals,
 * the test runner and memscope itself last.
 */

const INTERNAL_PATTERNS = [
  /\(node:/,
  /^\s*at node:/,
  /\(internal\//,
  /[\\/]node_modules[\\/](jest-|@jest[\\/]|vitest|@vitest[\\/]|tinypool|tinyspy|expect[\\/])/,
  /[\\/](packages[\\/]core|node_modules[\\/]@memscope[\\/]core)[\\/]dist[\\/]/,
  /[\\/]packages[\\/]core[\\/]src[\\/]/,
  /<anonymous>/,
];

/** memscope's own files, wherever the package was installed or copied. */
const OWN_ROOT = typeof __dirname === 'string' ? `(${__dirname.replace(/[\\/]analyzers$/, '')}` : null;

export function isInternalFrame(frame: string): boolean {
  if (OWN_ROOT !== null && frame.includes(OWN_ROOT)) return true;
  return INTERNAL_PATTERNS.some((pattern) => pattern.test(frame));
}

export function isInternalUrl(url: string): boolean {
  if (!url) return true;
  return isInternalFrame(`(${url}:1:1)`) || url.startsWith('node:') || !/[\\/]/.test(url);
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

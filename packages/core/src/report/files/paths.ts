import { isAbsolute, relative, resolve } from 'node:path';
import { MemscopeError } from '../../errors.js';

/**
 * Resolves a report or baseline path from configuration against the project
 * root. A relative path must stay inside the root: `../x` in a shared
 * config would otherwise let a run write into a neighbouring project.
 * Writing outside the root takes an absolute path, which says so plainly.
 *
 * @example
 * resolveInsideRoot('/work/app', 'memscope.baseline.json', 'baseline'); // '/work/app/memscope.baseline.json'
 * resolveInsideRoot('/work/app', '../other/b.json', 'baseline');      // throws ERR_MEMSCOPE_INVALID_OPTION
 */
export function resolveInsideRoot(root: string, configured: string, option: string): string {
  if (configured.includes('\0')) {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `memscope reporter: option \`${option}\` holds a NUL character: ${JSON.stringify(configured)}.`);
  }
  if (isAbsolute(configured)) return configured;
  const resolved = resolve(root, configured);
  const inside = relative(resolve(root), resolved);
  if (inside === '..' || inside.startsWith(`..${'/'}`) || inside.startsWith('..\\') || isAbsolute(inside)) {
    throw new MemscopeError(
      'ERR_MEMSCOPE_INVALID_OPTION',
      `memscope reporter: option \`${option}\` (${JSON.stringify(configured)}) resolves to ${resolved}, outside the project root ${root}. ` +
        'Give a path inside the root, or an absolute path to write outside it on purpose.',
    );
  }
  return resolved;
}

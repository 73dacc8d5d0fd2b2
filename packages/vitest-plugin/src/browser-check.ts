import { coreErrors } from './core-parts.js';

/** The part of a Vitest project the check reads (Vitest 3 and 4). */
export interface ProjectLike {
  name: string;
  config: { browser?: { enabled?: boolean } };
}

/**
 * memscope measures the V8 heap of the Node process that runs the tests; a
 * browser gives no access to its heap, its GC or its handles. Rather than let
 * the setup file fail inside the browser with a module error, refuse at
 * start-up and say why.
 */
export function assertNoBrowserProjects(projects: readonly ProjectLike[]): void {
  const browserProjects = projects.filter((project) => project.config.browser?.enabled === true);
  if (browserProjects.length === 0) return;
  const names = browserProjects.map((project) => (project.name ? `"${project.name}"` : '(root project)')).join(', ');
  const { MemscopeError } = coreErrors();
  throw new MemscopeError(
    'ERR_MEMSCOPE_CAPTURE_UNAVAILABLE',
    `memscope cannot measure tests that run in browser mode (project ${names}): ` +
      'it reads the V8 heap, the garbage collector and open handles of the Node process running the tests, ' +
      'and a browser exposes none of them. Run memory tests in a Node pool (forks, threads or vmThreads), ' +
      'for example in a separate project without `browser.enabled`, and leave @memscope/vitest out of the browser project.',
  );
}

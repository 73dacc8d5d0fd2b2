import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AllocationSite, Finding } from '../verdict/types.js';
import type { TaskNode } from '../tasks/types.js';
import type { RunReport } from './schema.js';

/**
 * Paths as Jest and Vitest print them: relative to the project root, with
 * POSIX separators. What people read (failure messages, the summary, the
 * HTML) shows these; report.json keeps the absolute paths, plus the relative
 * file of each allocation site beside them (`relativeFile`).
 */

const withTrailingSep = (root: string): string => (root.endsWith(sep) ? root : root + sep);

/**
 * `file` relative to `root` when it lies inside it (a `file://` URL too);
 * anything else (node:internal, another drive, outside the root) as given.
 *
 * @example
 * toProjectPath('/work/app/src/cache.js', '/work/app'); // 'src/cache.js'
 * toProjectPath('node:internal/timers', '/work/app');   // 'node:internal/timers'
 */
export function toProjectPath(file: string, root: string | undefined): string {
  if (root === undefined || root === '') return file;
  let absolute = file;
  if (file.startsWith('file://')) {
    try {
      absolute = fileURLToPath(file);
    } catch {
      return file;
    }
  }
  if (!isAbsolute(absolute) || !absolute.startsWith(withTrailingSep(root))) return file;
  return relative(root, absolute).split(sep).join('/');
}

/**
 * Every path under `root` inside a line of text (a stack frame such as
 * `JobQueue.run (/work/app/src/queue.ts:29:22)`, a finding's title) made
 * relative. Only whole path prefixes match: `/work/app2/x` stays as it is
 * for the root `/work/app`.
 */
export function projectPathsIn(text: string, root: string | undefined): string {
  if (root === undefined || root === '' || !text.includes(root)) return text;
  const prefixes = [pathToFileURL(withTrailingSep(root)).href, withTrailingSep(root)];
  let result = text;
  for (const prefix of prefixes) result = result.split(prefix).join('');
  return sep === '/' ? result : result.replace(/\\/g, '/');
}

/** The allocation site with `relativeFile` beside its absolute `file`, for report.json. */
function withRelativeFile(site: AllocationSite, root: string | undefined): AllocationSite {
  const relativeFile = toProjectPath(site.file, root);
  return relativeFile === site.file ? site : { ...site, relativeFile };
}

/** The finding with `relativeFile` beside its allocation site's file, when it has a site. */
function withRelativeSite(finding: Finding, root: string): Finding {
  if (finding.kind === 'handle' || !finding.allocationSite) return finding;
  return { ...finding, allocationSite: withRelativeFile(finding.allocationSite, root) };
}

/** The task with `relativeFile` on each finding's allocation site, for report.json. */
export function withRelativeFiles(task: TaskNode, root: string | undefined): TaskNode {
  if (root === undefined || !task.findings.some((finding) => finding.kind !== 'handle' && finding.allocationSite)) return task;
  return { ...task, findings: task.findings.map((finding) => withRelativeSite(finding, root)) };
}

function displayFinding(finding: Finding, root: string): Finding {
  const title = projectPathsIn(finding.title, root);
  if (finding.kind === 'handle') {
    return { ...finding, title, ...(finding.creationStack ? { creationStack: finding.creationStack.map((frame) => projectPathsIn(frame, root)) } : {}) };
  }
  const site = finding.allocationSite;
  return {
    ...finding,
    title,
    ...(site
      ? { allocationSite: { ...site, file: toProjectPath(site.file, root), stack: site.stack.map((frame) => projectPathsIn(frame, root)) } }
      : {}),
  };
}

function displayTask(task: TaskNode, root: string): TaskNode {
  if (task.findings.length === 0 && task.handles.length === 0) return task;
  return {
    ...task,
    findings: task.findings.map((finding) => displayFinding(finding, root)),
    handles: task.handles.map((handle) => ({ ...handle, stack: handle.stack.map((frame) => projectPathsIn(frame, root)) })),
  };
}

/** The report as a reader sees it: the paths of findings and handles relative to `run.root`. */
export function withProjectPaths(report: RunReport): RunReport {
  const root = report.run.root;
  if (root === undefined || root === '') return report;
  return { ...report, tasks: report.tasks.map((task) => displayTask(task, root)) };
}

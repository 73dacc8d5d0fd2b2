import type { CapturePath, EndedTask, FileRecord, MeasureMode, TaskIdRegistry, TaskNode, TaskState } from '@memscope/core/plugin-kit';
import { taskIds } from './core-parts.js';
import { readFileMeta, readTestMeta } from './meta.js';

/**
 * Turns Vitest's reported test modules into memscope file records.
 *
 * The reporter sees the same tree whether the tests ran just now, in another
 * pool, or in another shard replayed by `--merge-reports`. Tests whose worker
 * never sent figures (skipped, or lost with a crashed worker) still appear,
 * with their state and no figures, so the report shows what is missing.
 */

/** The parts of Vitest's reported tasks used here (the same in Vitest 3 and 4). */
export interface ReportedCase {
  readonly type: 'test';
  readonly name: string;
  readonly options: { readonly mode: string; readonly concurrent?: boolean | undefined };
  result(): { readonly state: string; readonly errors?: ReadonlyArray<{ message?: string }> | undefined };
  meta(): unknown;
}

export interface ReportedSuite {
  readonly type: 'suite';
  readonly name: string;
  readonly children: { array(): ReadonlyArray<ReportedCase | ReportedSuite> };
}

export interface ReportedModule {
  readonly type: 'module';
  readonly moduleId: string;
  readonly children: { array(): ReadonlyArray<ReportedCase | ReportedSuite> };
  state(): string;
  meta(): unknown;
  errors(): ReadonlyArray<{ message?: string }>;
}

export interface RecordDefaults {
  capture: CapturePath;
  mode: MeasureMode;
}

/** A module's path as a task's file: relative to the root, POSIX separators (core's format). */
export function relativeFile(root: string, moduleId: string): string {
  return taskIds().relativeFile(root, moduleId);
}

/**
 * Ids in the recorder's format (`src/cache.test.ts > Cache > evicts`, then
 * `#2`, `#3` for a name seen again), for the tasks no worker sent: describes,
 * and tests that never ran.
 */
class TaskIds {
  private readonly registry: TaskIdRegistry;

  constructor(private readonly file: string) {
    this.registry = new (taskIds().TaskIdRegistry)(file);
  }

  claim(path: readonly string[]): string {
    return this.registry.claim(taskIds().taskPathId(this.file, path));
  }
}

function stateOf(test: ReportedCase): EndedTask['state'] {
  if (test.options.mode === 'todo') return 'todo';
  const state = test.result().state;
  if (state === 'passed' || state === 'failed') return state;
  return 'skipped';
}

function firstError(test: ReportedCase): string | undefined {
  return test.result().errors?.[0]?.message;
}

function describeNode(ids: TaskIds, file: string, path: string[], parentId: string | null, state: TaskState): TaskNode {
  return taskIds().emptyTaskNode({ id: ids.claim(path), kind: 'describe', name: path[path.length - 1] ?? '', path, file, parentId, state });
}

function testNode(ids: TaskIds, file: string, path: string[], parentId: string | null, test: ReportedCase): TaskNode {
  const sent = readTestMeta(test.meta())?.task;
  const error = firstError(test);
  // The worker's id stays (it numbered repeated names as they ran); the
  // outcome comes from the runner: the worker measured before the test's
  // after-hooks ran, so only the runner knows how the test ended. What the
  // worker left out (empty lists, where the test sits) comes from here.
  const id = ids.claim(path);
  const empty = taskIds().emptyTaskNode({ id: sent?.id ?? id, kind: 'test', name: test.name, path, file, parentId, state: 'skipped' });
  const base = (sent ? { ...empty, ...sent } : empty) as TaskNode;
  return taskIds().endedTaskNode({ ...base, id: sent?.id ?? id, kind: 'test', name: test.name, path, file, parentId }, stateOf(test), error);
}

function walk(ids: TaskIds, file: string, children: ReadonlyArray<ReportedCase | ReportedSuite>, parentPath: string[], parentId: string | null, out: TaskNode[]): void {
  for (const child of children) {
    const path = [...parentPath, child.name];
    if (child.type === 'test') {
      out.push(testNode(ids, file, path, parentId, child));
      out.push(...(readTestMeta(child.meta())?.children ?? []));
      continue;
    }
    const nodeIndex = out.length;
    out.push(describeNode(ids, file, path, parentId, 'passed'));
    walk(ids, file, child.children.array(), path, out[nodeIndex]!.id, out);
    const inside = out.slice(nodeIndex + 1).filter((t) => t.kind === 'test');
    out[nodeIndex] = taskIds().endedTaskNode(out[nodeIndex]!, suiteState(inside));
  }
}

function suiteState(tests: TaskNode[]): EndedTask['state'] {
  if (tests.some((t) => t.state === 'failed')) return 'failed';
  if (tests.length > 0 && tests.every((t) => t.state === 'skipped' || t.state === 'todo')) return 'skipped';
  return 'passed';
}

/** A module is incomplete when its run stopped before its tests ended (crash, kill, timeout). */
function isIncomplete(module: ReportedModule, tasks: TaskNode[]): boolean {
  const state = module.state();
  if (state === 'pending' || state === 'queued') return true;
  const crashed = module.errors().some((e) => /worker|exited unexpectedly|terminated|channel closed/i.test(e.message ?? ''));
  return crashed && tasks.some((t) => t.kind === 'test' && t.state === 'skipped');
}

export function fileRecordOf(root: string, module: ReportedModule, defaults: RecordDefaults): FileRecord {
  const file = relativeFile(root, module.moduleId);
  const tasks: TaskNode[] = [];
  walk(new TaskIds(file), file, module.children.array(), [], null, tasks);
  const fileMeta = readFileMeta(module.meta());
  const record: FileRecord = {
    schemaVersion: 1,
    file,
    capture: fileMeta?.capture ?? defaults.capture,
    mode: fileMeta?.mode ?? defaults.mode,
    tasks,
  };
  if (isIncomplete(module, tasks)) record.incomplete = true;
  return record;
}

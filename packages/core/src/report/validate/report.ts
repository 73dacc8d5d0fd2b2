import { Checker, join } from './check.js';
import { REPORT_KIND, REPORT_SCHEMA_VERSION, type RunReport } from '../schema.js';
import { FIGURE_NAMES, checkTask } from './task.js';

const CAPTURE_PATHS = ['native', 'js'] as const;
const MODES = ['sampled', 'settled'] as const;

/**
 * Checks that `value` is a run report this version can read and returns it
 * typed. Throws a MemscopeError (ERR_MEMSCOPE_REPORT_INVALID) naming `source`
 * and the first field that is wrong.
 */
export function validateRunReport(value: unknown, source: string): RunReport {
  const c = new Checker('ERR_MEMSCOPE_REPORT_INVALID', source);
  const r = c.object(value, '');
  if (r.kind !== REPORT_KIND) c.fail('kind', JSON.stringify(REPORT_KIND) + ' (is this a memscope report?)', r.kind);
  c.schemaVersion(r.schemaVersion, REPORT_SCHEMA_VERSION, 'report');
  c.string(r.createdAt, 'createdAt');
  checkRunInfo(c, r.run);
  checkTotals(c, r.totals);
  c.array(r.files, 'files').forEach((f, i) => {
    const p = join('files', i);
    const file = c.object(f, p);
    c.string(file.file, join(p, 'file'));
    c.oneOf(file.capture, join(p, 'capture'), CAPTURE_PATHS);
    c.oneOf(file.mode, join(p, 'mode'), MODES);
    c.integer(file.tests, join(p, 'tests'));
  });
  c.array(r.tasks, 'tasks').forEach((t, i) => checkTask(c, t, join('tasks', i)));
  c.array(r.missing, 'missing').forEach((m, i) => {
    const p = join('missing', i);
    const missing = c.object(m, p);
    c.string(missing.file, join(p, 'file'));
    c.oneOf(missing.reason, join(p, 'reason'), ['incomplete', 'absent'] as const);
  });
  c.stringArray(r.duplicates, 'duplicates');
  c.optional(r, 'baseline', '', (v, p) => checkComparison(c, v, p));
  return value as RunReport;
}

function checkRunInfo(c: Checker, value: unknown): void {
  const run = c.object(value, 'run');
  c.string(run.node, 'run.node');
  c.string(run.v8, 'run.v8');
  c.oneOf(run.capture, 'run.capture', CAPTURE_PATHS);
  c.oneOf(run.mode, 'run.mode', MODES);
  const runner = c.object(run.runner, 'run.runner');
  c.string(runner.name, 'run.runner.name');
  c.string(runner.version, 'run.runner.version');
  c.optional(run, 'shard', 'run', (v, p) => {
    const shard = c.object(v, p);
    const count = c.integer(shard.count, join(p, 'count'), 1);
    const index = c.integer(shard.index, join(p, 'index'), 1);
    if (index > count) c.fail(join(p, 'index'), `between 1 and count (${count})`, index);
  });
  c.optional(run, 'startedAt', 'run', (v, p) => c.string(v, p));
  c.optional(run, 'durationMs', 'run', (v, p) => c.nonNegative(v, p));
  c.optional(run, 'root', 'run', (v, p) => c.string(v, p));
}

function checkTotals(c: Checker, value: unknown): void {
  const totals = c.object(value, 'totals');
  for (const key of [
    'files', 'tests', 'passed', 'failed', 'skipped', 'leakingTests', 'handlesLeftOpen',
    'trackedNotCollected', 'regressions', 'missingFiles', 'duplicateTests',
  ]) {
    c.integer(totals[key], join('totals', key));
  }
  const findings = c.object(totals.findings, 'totals.findings');
  for (const kind of ['heap', 'storm', 'handle', 'native']) c.integer(findings[kind], join('totals.findings', kind));
}

function checkTolerance(c: Checker, value: unknown, path: string): void {
  const t = c.object(value, path);
  c.nonNegative(t.relative, join(path, 'relative'));
  c.nonNegative(t.absolute, join(path, 'absolute'));
}

function checkComparison(c: Checker, value: unknown, path: string): void {
  const b = c.object(value, path);
  c.fields(b, path, { file: 'string', updated: 'boolean', created: 'boolean', partial: 'boolean', newTests: 'strings', removedTests: 'strings' });
  c.array(b.regressions, join(path, 'regressions')).forEach((item, i) => {
    const p = join(join(path, 'regressions'), i);
    const reg = c.object(item, p);
    c.fields(reg, p, { taskId: 'string', file: 'string', path: 'strings' });
    c.oneOf(reg.figure, join(p, 'figure'), FIGURE_NAMES);
    c.fields(reg, p, { old: 'number', new: 'number', limit: 'number' });
    checkTolerance(c, reg.tolerance, join(p, 'tolerance'));
  });
  c.optional(b, 'sharedTests', path, (v, p) => c.stringArray(v, p));
  const compared = c.object(b.compared, join(path, 'compared'));
  for (const [taskId, figures] of Object.entries(compared)) {
    const p = join(join(path, 'compared'), taskId);
    for (const [figure, entry] of Object.entries(c.object(figures, p))) {
      c.oneOf(figure, `${p} key`, FIGURE_NAMES);
      const e = c.object(entry, join(p, figure));
      c.fields(e, join(p, figure), { old: 'number', limit: 'number' });
    }
  }
}

export { checkTolerance };

import { MemscopeError } from '../errors.js';
import { readTextFile } from '../report/files/read-file.js';
import { Checker, join, parseJson } from '../report/validate/check.js';
import type { MeasureMode } from '../tasks/types.js';
import { checkFigure, FIGURE_NAMES } from '../report/validate/task.js';
import { BASELINE_KIND, BASELINE_SCHEMA_VERSION, type BaselineFile, type LoadedBaseline } from './types.js';

/**
 * Reads the baseline at `path`. A missing file is not an error (the first
 * run creates it on update); a corrupt one, an unknown version or one
 * recorded in another mode is, and the file is never touched in that case.
 */
export async function loadBaseline(path: string, options: { mode: MeasureMode }): Promise<LoadedBaseline> {
  let text: string;
  try {
    text = await readTextFile(path, { code: 'ERR_MEMSCOPE_BASELINE_INVALID', what: 'baseline' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, data: null };
    throw error;
  }
  const data = parseBaseline(text, path);
  if (data.mode !== options.mode) {
    throw new MemscopeError(
      'ERR_MEMSCOPE_BASELINE_INVALID',
      `${path}: the baseline was recorded in ${data.mode} mode but this run measures in ${options.mode} mode; ` +
        `their figures are not comparable. Run in ${data.mode} mode, or delete the file and update to record a new baseline.`,
    );
  }
  return { path, data };
}

/** Parses and checks baseline text; `source` names the file in errors. */
export function parseBaseline(text: string, source: string): BaselineFile {
  const c = new Checker('ERR_MEMSCOPE_BASELINE_INVALID', source);
  return validateBaseline(parseJson(text, c), c);
}

function validateBaseline(value: unknown, c: Checker): BaselineFile {
  const b = c.object(value, '');
  if (b.kind !== BASELINE_KIND) c.fail('kind', JSON.stringify(BASELINE_KIND) + ' (is this a memscope baseline?)', b.kind);
  c.schemaVersion(b.schemaVersion, BASELINE_SCHEMA_VERSION, 'baseline');
  c.oneOf(b.mode, 'mode', ['sampled', 'settled'] as const);
  c.array(b.figures, 'figures').forEach((f, i) => c.oneOf(f, join('figures', i), FIGURE_NAMES));
  c.optional(b, 'tolerance', '', (v, p) => checkOverrides(c, v, p));
  const tests = c.object(b.tests, 'tests');
  for (const [id, entry] of Object.entries(tests)) {
    const p = join('tests', id);
    const t = c.object(entry, p);
    c.string(t.file, join(p, 'file'));
    c.stringArray(t.path, join(p, 'path'));
    const figures = c.object(t.figures, join(p, 'figures'));
    for (const [name, figure] of Object.entries(figures)) {
      c.oneOf(name, `${join(p, 'figures')} key`, FIGURE_NAMES);
      checkFigure(c, figure, join(join(p, 'figures'), name));
    }
    c.optional(t, 'tolerance', p, (v, q) => checkOverrides(c, v, q));
  }
  return value as BaselineFile;
}

function checkOverrides(c: Checker, value: unknown, path: string): void {
  const overrides = c.object(value, path);
  for (const [name, entry] of Object.entries(overrides)) {
    c.oneOf(name, `${path} key`, FIGURE_NAMES);
    const t = c.object(entry, join(path, name));
    c.optional(t, 'relative', join(path, name), (v, p) => c.nonNegative(v, p));
    c.optional(t, 'absolute', join(path, name), (v, p) => c.nonNegative(v, p));
  }
}

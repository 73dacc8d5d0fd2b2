import { MemscopeError } from '../errors.js';
import type { MeasureMode } from '../tasks/types.js';
import { DEFAULT_BASELINE_FILE } from '../baseline/types.js';
import { DEFAULT_REPORT_DIR } from '../report/files/default-dir.js';

/**
 * Options of the memscope reporter, the same for every runner:
 *
 * @example
 * // jest.config.js
 * reporters: ['default', ['@memscope/jest/reporter', { baseline: 'memscope.baseline.json', html: false }]]
 */
export interface ReporterOptions {
  /** Directory of `report.json` and `index.html`, relative to the project root. Default `memscope-report`. */
  outputDir?: string;
  /** Also write the self-contained HTML dashboard. Default true. */
  html?: boolean;
  /** Baseline file relative to the project root, or `false` to compare with none. Default `memscope.baseline.json`. */
  baseline?: string | false;
  /** Rewrite the baseline with this run's figures. Default: the runner's update flag (`-u`) or `MEMSCOPE_UPDATE=1`. */
  update?: boolean;
  /** Print the summary at the end of the run. Default true. */
  summary?: boolean;
  /**
   * `sampled`: figures read at test boundaries, no forced GC (cheap, the default).
   * `settled`: a full GC after every test, so `retained` is exact (slower: 6–10× in Jest).
   */
  mode?: MeasureMode;
}

export interface ResolvedReporterOptions {
  outputDir: string;
  html: boolean;
  baseline: string | false;
  update: boolean | undefined;
  summary: boolean;
  mode: MeasureMode;
}

const KNOWN = ['outputDir', 'html', 'baseline', 'update', 'summary', 'mode'] as const;

function invalid(name: string, expected: string, got: unknown): never {
  const shown = typeof got === 'string' ? JSON.stringify(got) : String(got);
  throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `memscope reporter: option \`${name}\` must be ${expected}, got ${shown}.`);
}

function optionalBoolean(raw: Record<string, unknown>, name: string): boolean | undefined {
  const value = raw[name];
  if (value !== undefined && typeof value !== 'boolean') invalid(name, 'true or false', value);
  return value as boolean | undefined;
}

/** Checks every reporter option up front and fills in the defaults; unknown options are errors, not ignored. */
export function resolveReporterOptions(raw: unknown): ResolvedReporterOptions {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) invalid('options', 'an object', raw);
  const options = raw as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!(KNOWN as readonly string[]).includes(key)) invalid(key, `one of the known options (${KNOWN.join(', ')})`, 'an unknown option');
  }
  const outputDir = options.outputDir ?? DEFAULT_REPORT_DIR;
  if (typeof outputDir !== 'string' || outputDir === '') invalid('outputDir', 'a non-empty directory path', outputDir);
  const baseline = options.baseline ?? DEFAULT_BASELINE_FILE;
  if (baseline !== false && (typeof baseline !== 'string' || baseline === '')) invalid('baseline', 'a file path or false', baseline);
  const mode = options.mode ?? 'sampled';
  if (mode !== 'sampled' && mode !== 'settled') invalid('mode', "'sampled' or 'settled'", mode);
  return {
    outputDir,
    html: optionalBoolean(options, 'html') ?? true,
    baseline: baseline as string | false,
    update: optionalBoolean(options, 'update'),
    summary: optionalBoolean(options, 'summary') ?? true,
    mode: mode as MeasureMode,
  };
}

import { join, resolve } from 'node:path';
import { MemscopeError } from '../../errors.js';
import { DEFAULT_REPORT_DIR } from './default-dir.js';
import { replaceOwnFile } from './owned.js';
import { readTextFile } from './read-file.js';
import { Checker, parseJson } from '../validate/check.js';
import { renderDashboard } from '../html/render.js';
import type { RunReport } from '../schema.js';
import { validateRunReport } from '../validate/report.js';

export { DEFAULT_REPORT_DIR };

export interface WriteReportsOptions {
  /** Directory for `report.json` and `index.html`; created when missing. Default `memscope-report`. */
  outDir?: string;
  /** Also write the HTML dashboard. Default true. */
  html?: boolean;
  /** File name of the JSON report inside `outDir`. Default `report.json`. */
  jsonName?: string;
}

export interface WrittenReports {
  json: string;
  html?: string;
}

/**
 * Writes the JSON report and, unless `html: false`, the dashboard. Each file
 * is written atomically. Returns the absolute paths written.
 */
export async function writeReports(report: RunReport, options: WriteReportsOptions = {}): Promise<WrittenReports> {
  const outDir = resolve(options.outDir ?? DEFAULT_REPORT_DIR);
  const jsonName = options.jsonName ?? 'report.json';
  if (!/^[^/\\]+\.json$/.test(jsonName)) {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `jsonName should be a file name ending in .json, got ${JSON.stringify(jsonName)}`);
  }
  const json = join(outDir, jsonName);
  await replaceOwnFile(json, serializeRunReport(report), 'report');
  if (options.html === false) return { json };
  const html = join(outDir, 'index.html');
  await replaceOwnFile(html, renderDashboard(report), 'dashboard');
  return { json, html };
}

/** Compact JSON: indentation would make a 10,000-test report several times larger. */
export function serializeRunReport(report: RunReport): string {
  return JSON.stringify(report);
}

/** Parses report text; `source` names the file in errors. */
export function parseRunReport(text: string, source: string): RunReport {
  return validateRunReport(parseJson(text, new Checker('ERR_MEMSCOPE_REPORT_INVALID', source)), source);
}

/** Reads and validates a report written by `writeReports`. */
export async function readRunReport(path: string): Promise<RunReport> {
  let text: string;
  try {
    text = await readTextFile(path, { code: 'ERR_MEMSCOPE_REPORT_INVALID', what: 'report' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new MemscopeError('ERR_MEMSCOPE_REPORT_INVALID', `${path}: cannot read the report (no such file)`, { cause: error });
  }
  return parseRunReport(text, path);
}

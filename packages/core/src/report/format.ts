import type { Figure, TaskNode } from '../tasks/types.js';
import type { BaselineFigureName, Tolerance } from './schema.js';

/** Plain-text formatting shared by the terminal summary and the CLI. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `1536` → `1.5 KiB`; negative values keep their sign. */
export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  // Switch units at 1000, not 1024, so a value never needs four digits (1011 KiB reads as 1.0 MiB).
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${sign}${value.toFixed(digits)} ${UNITS[unit]}`;
}

const BYTE_FIGURES = new Set<BaselineFigureName>([
  'heapBefore', 'heapAfter', 'retained', 'allocated', 'peak', 'external', 'arrayBuffers', 'malloc',
]);

/** A figure's value in its unit: bytes, ms or a count. */
/** A duration in seconds, one decimal: `7.2 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatFigureValue(name: BaselineFigureName, value: number): string {
  if (BYTE_FIGURES.has(name)) return formatBytes(value);
  if (name === 'durationMs' || name === 'gcTimeMs') return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  return String(Math.round(value));
}

/** The value followed by how it was obtained when that is not a plain measurement. */
export function formatFigure(name: BaselineFigureName, figure: Figure): string {
  const value = formatFigureValue(name, figure.value);
  return figure.source === 'measured' ? value : `${value} (${figure.source})`;
}

export function formatTolerance(name: BaselineFigureName, tolerance: Tolerance): string {
  const parts: string[] = [];
  if (tolerance.relative > 0) parts.push(`+${Math.round(tolerance.relative * 100)} %`);
  if (tolerance.absolute > 0 || parts.length === 0) parts.push(`+${formatFigureValue(name, tolerance.absolute)}`);
  return parts.join(' or ');
}

/** Test names are user text: show control characters (ANSI escapes, newlines) escaped, never raw. */
export function sanitizeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return ' ';
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/** `src/cache.test.ts > Cache > evicts old entries`. */
export function taskLabel(task: Pick<TaskNode, 'file' | 'path'>): string {
  return sanitizeForTerminal([task.file, ...task.path].join(' > '));
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${withThousands(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * `1,234,567`, as `toLocaleString('en-US')` writes an integer, without its
 * first call loading ICU's number formatting: ~12 ms of CPU (and up to
 * 140 ms of wall time on a loaded machine) in the reporter's process at the
 * end of every run, for the summary's counts.
 */
export function withThousands(count: number): string {
  if (!Number.isSafeInteger(count)) return count.toLocaleString('en-US');
  const sign = count < 0 || Object.is(count, -0) ? '-' : '';
  return sign + String(Math.abs(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

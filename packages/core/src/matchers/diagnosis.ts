import { MemscopeError } from '../errors.js';
import { createColors, type Colors } from '../report/colors.js';
import { formatBytes, formatSeconds, sanitizeForTerminal } from '../report/format.js';
import { projectPathsIn } from '../report/project-paths.js';
import type { FigureGrowth, Finding, HandleFinding, LeakResult, ObjectFinding, VerdictStats } from '../verdict/types.js';
import { tracePath } from '../verdict/trace.js';

/**
 * The leak diagnosis: the screen a developer reads when `.not.toLeak()`
 * fails. One block per finding (what grew and by how much per call, the
 * retainer path, the allocation site, a preview), then the statistics in
 * one line. Readable with colours off: colour only emphasises.
 */

const LABEL_WIDTH = 14;
const PREVIEW_LINES = 6;

function row(c: Colors, label: string, text: string): string[] {
  const lines = text.split('\n');
  const indent = ' '.repeat(4 + LABEL_WIDTH);
  // At least one space after the label: `TCPSERVERWRAP from` is wider than the column.
  return lines.map((line, i) => (i === 0 ? `    ${c.dim(`${label.padEnd(LABEL_WIDTH - 1)} `)}${line}` : `${indent}${line}`));
}

/**
 * A stack frame without its `at `: Jest splits a failure message at the
 * first line that looks like `at fn (file:line:col)` and treats the rest as
 * the stack, so no line of ours may look like one.
 */
function frameText(frame: string): string {
  return frame.replace(/^\s*at\s+/, '');
}

/** Node's internals and memscope's own frames (the call loop, the hooks) say nothing about the user's code. */
const NOISE_FRAME = /\(:0:0\)$|\(node:|^node:|[\\/](?:@memscope[\\/]|packages[\\/](?:core|jest-plugin|vitest-plugin)[\\/](?:dist|src)[\\/])/;

/** The frames after the first, as `from caller (file:line:col)` lines. */
function callers(frames: readonly string[]): string[] {
  return frames.slice(1).map(frameText).filter((frame) => !NOISE_FRAME.test(frame)).slice(0, 3).map((frame) => `from ${frame}`);
}

function siteText(finding: ObjectFinding): string | undefined {
  const site = finding.allocationSite;
  if (!site) return undefined;
  const head = `${site.functionName || '(anonymous)'} (${site.file}:${site.line}:${site.column})`;
  const marker = site.source === 'inferred' ? ' (inferred)' : '';
  return [head + marker, ...callers(site.stack)].join('\n');
}

function preview(text: string): string {
  const lines = text.split('\n');
  return lines.length <= PREVIEW_LINES ? text : [...lines.slice(0, PREVIEW_LINES), '…'].join('\n');
}

/** A heap, storm or native finding's rows: who holds the objects, the path to them, where they were made, one of them, their cycles. */
function objectRows(finding: ObjectFinding, c: Colors, root: string): string[] {
  const lines: string[] = [];
  if (finding.holder) {
    const edge = finding.growingEdge ? ` (grows at ${finding.growingEdge})` : '';
    lines.push(...row(c, 'holder', sanitizeForTerminal(finding.holder + edge)));
  }
  if (finding.retainerPathText) lines.push(...row(c, 'retained by', c.yellow(sanitizeForTerminal(finding.retainerPathText))));
  const site = siteText(finding);
  if (site) lines.push(...row(c, 'allocated at', c.cyan(projectPathsIn(site, root))));
  if (finding.preview) lines.push(...row(c, 'preview', preview(finding.preview)));
  if (finding.cycles && finding.cycles.length > 0) lines.push(...row(c, 'cycles', finding.cycles.slice(0, 3).join('\n')));
  return lines;
}

/** A handle finding's row: where the resource was created. */
function handleRows(finding: HandleFinding, c: Colors, root: string): string[] {
  const created = finding.creationStack ?? [];
  if (created.length === 0) return [];
  const label = finding.resourceType ? `${finding.resourceType} from` : 'created at';
  return row(c, label, c.cyan(projectPathsIn([frameText(created[0]!), ...callers(created)].join('\n'), root)));
}

// Frames are filtered on their absolute paths (NOISE_FRAME), then shown relative to the root.
function findingBlock(finding: Finding, c: Colors, root: string): string[] {
  const title = sanitizeForTerminal(projectPathsIn(finding.title, root)).replace(/ at\s+at /g, ' at ');
  // Not `●`: Jest starts each failure with it, and tools split its output there.
  const head = `  ${c.red('✗')} ${c.bold(finding.kind.padEnd(6))} ${c.red(title)}`;
  return [head, ...(finding.kind === 'handle' ? handleRows(finding, c, root) : objectRows(finding, c, root))];
}

function perCallText(growth: FigureGrowth): string {
  const bytes = growth.figure === 'handles' || growth.figure === 'fds'
    ? `${growth.perCall >= 0 ? '+' : ''}${growth.perCall.toFixed(2)}`
    : `${growth.perCall >= 0 ? '+' : ''}${formatBytes(growth.perCall)}`;
  return `${growth.figure} ${bytes}/call (fit ${growth.fit.toFixed(2)})`;
}

/**
 * `6 rounds × 50 calls after 20 warm-up · heapUsed +1.0 KiB/call (fit 0.99) · threshold 8 B/call · 1 snapshot · 412 ms · native capture
 * · warm-up → rounds (exact) → second window → judge → explain → leaked`.
 */
export function formatStatistics(stats: VerdictStats, capture: LeakResult['capture']): string {
  const grown = stats.growth.filter((g) => g.grew);
  const heap = stats.growth.find((g) => g.figure === 'heapUsed');
  const shown = grown.length > 0 ? grown : heap ? [heap] : [];
  return [
    `${stats.rounds} rounds × ${stats.callsPerRound} calls after ${stats.warmupCalls} warm-up`,
    ...shown.map(perCallText),
    `threshold ${formatBytes(stats.threshold)}/call`,
    `${stats.snapshots} snapshot${stats.snapshots === 1 ? '' : 's'}`,
    ...(stats.exactRounds > 0 ? [`heap exact in ${stats.exactRounds} rounds`] : []),
    `${Math.round(stats.timeMs.total)} ms`,
    ...(stats.cutShort ? [`${stats.cutShort.step} left out: needs ~${formatSeconds(stats.cutShort.neededMs)}, ${formatSeconds(stats.cutShort.leftMs)} of the test's ${formatSeconds(stats.cutShort.limitMs)} were left`] : []),
    `${capture === 'native' ? 'native' : 'pure-JS'} capture`,
    // Results made before the trace existed (a saved report) have none.
    ...(stats.trace?.length ? [tracePath(stats.trace)] : []),
  ].join(' · ');
}

function assertLeakResult(result: unknown): asserts result is LeakResult {
  const candidate = result as Partial<LeakResult> | null | undefined;
  if (typeof candidate === 'object' && candidate !== null && Array.isArray(candidate.findings) && typeof candidate.stats === 'object') return;
  const shown = candidate === null || typeof candidate !== 'object' ? String(candidate) : `an object with keys ${Object.keys(candidate).join(', ') || '(none)'}`;
  throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `formatLeakDiagnosis: \`result\` must be what checkLeak resolves to (an object with \`findings\` and \`stats\`), got ${shown}.`);
}

/**
 * The findings and the statistics line, for a function that leaked. Files
 * are shown relative to `root` (the runners' working directory, which is
 * the project root they print their own paths against). Plain text unless
 * `c` brings colours (`colorsFor(process.stderr)`).
 *
 * @example
 * const result = await checkLeak(handleRequest);
 * if (result.leaked) console.error(formatLeakDiagnosis(result));
 */
export function formatLeakDiagnosis(result: LeakResult, c: Colors = createColors(false), root: string = process.cwd()): string {
  assertLeakResult(result);
  const count = result.findings.length;
  const lines = [c.bold(`The function leaked: ${count} finding${count === 1 ? '' : 's'}, growing with every call.`), ''];
  result.findings.forEach((finding, i) => {
    if (i > 0) lines.push('');
    lines.push(...findingBlock(finding, c, root));
  });
  if (count === 0) lines.push(`  ${sanitizeForTerminal(result.stats.reason)}`);
  lines.push('', c.dim(`Statistics: ${formatStatistics(result.stats, result.capture)}`));
  return lines.join('\n');
}

/** For a verdict that ran out of the test's time before it could judge. */
export function formatUndecided(result: LeakResult, c: Colors): string {
  const cut = result.stats.cutShort;
  const advice = cut
    ? `Give the test a timeout of ${Math.ceil((cut.limitMs + cut.neededMs * 3) / 1000) * 1000} ms or more (its last argument, or \`testTimeout\` in the config): a verdict needs about ${formatSeconds(cut.neededMs)} for its rounds here, and its explanation more when memory grows.`
    : 'Give the test a longer timeout.';
  return [
    c.bold('No verdict: the test ran out of time before memscope could tell whether memory grows.'),
    `  ${sanitizeForTerminal(result.stats.reason)}`,
    `  ${advice}`,
    '',
    c.dim(`Statistics: ${formatStatistics(result.stats, result.capture)}`),
  ].join('\n');
}

/** For `.toLeak()` on a function that did not leak. */
export function formatNoLeak(result: LeakResult, c: Colors): string {
  return [
    'Expected the function to leak, but no memory grew with the number of calls.',
    `  ${sanitizeForTerminal(result.stats.reason)}`,
    '',
    c.dim(`Statistics: ${formatStatistics(result.stats, result.capture)}`),
  ].join('\n');
}

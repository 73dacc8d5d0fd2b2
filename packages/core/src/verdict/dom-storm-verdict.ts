import type { Capture } from '../capture/types.js';
import type { CallRunner } from './call-runner.js';
import type { HandleTracker } from './handle-tracker.js';
import { isIgnored, type ResolvedLeakOptions } from './options.js';
import { measureSettled } from './screen.js';
import { countDomListenerStorms, domStormFindings, hasDomDocument } from './dom-listener-storms.js';
import { handleFindings } from './findings.js';
import type { Deadline } from './time-budget.js';
import type { Finding } from './types.js';
import { nowMs } from '../node-clock.js';

/**
 * The verdict on a function that makes the DOM's listener lists grow: the
 * lists are counted over two intervals of calls (see
 * dom-listener-storms.ts); when a target's lists gained listeners steadily,
 * two more intervals between two settled readings say what each call keeps
 * on the heap, and the verdict ends there, in well under a second on a
 * jsdom heap where rounds and a snapshot take many. Handles left open over
 * the same calls are findings too. Undefined when no list grew (or outside
 * a DOM environment): the rounds decide, as for any function.
 */
export async function domStormVerdict(input: {
  capture: Capture;
  runner: CallRunner;
  tracker: HandleTracker;
  opts: ResolvedLeakOptions;
  callsPerInterval: number;
  deadline: Deadline;
}): Promise<{ findings: Finding[]; rounds: number; calls: number } | undefined> {
  const { capture, runner, tracker, opts, callsPerInterval, deadline } = input;
  if (!opts.kinds.has('storm') || !hasDomDocument()) return undefined;
  const started = nowMs();
  const callsBefore = runner.calls;
  const handlesBefore = tracker.liveCount();
  const storms = await countDomListenerStorms(runner, callsPerInterval);
  if (storms.length === 0) return undefined;
  // Room for twice the counting's calls and two settled collections; else the rounds decide.
  if (!deadline.fits(4 * (nowMs() - started))) return undefined;
  // Plain collections: an exact reading walks the heap, 0.3 s at a time beside
  // a loaded jsdom heap; over two intervals' calls a page of slop moves the
  // figure by a fraction of what a leaked listener keeps with its component.
  const start = await measureSettled(capture, opts.gc, tracker);
  await runner.run(2 * callsPerInterval);
  const end = await measureSettled(capture, opts.gc, tracker);
  const bytesPerCall = Math.max(0, (end.heapUsed - start.heapUsed) / (2 * callsPerInterval));
  const calls = runner.calls - callsBefore;
  const findings: Finding[] = [];
  for (const finding of domStormFindings(storms, bytesPerCall)) {
    const site = finding.allocationSite ? `${finding.allocationSite.file}:${finding.allocationSite.line}` : '';
    if (!isIgnored({ kind: 'storm', name: finding.name ?? '', retainerPath: finding.retainerPathText ?? '', allocationSite: site }, opts.ignore)) findings.push(finding);
  }
  if (findings.length === 0) return undefined;
  if (opts.kinds.has('handle') && tracker.liveCount() - handlesBefore >= calls / 2) findings.push(...handleFindings(tracker.groupsLeftOpen(true), tracker.calls));
  return { findings, rounds: 4, calls };
}

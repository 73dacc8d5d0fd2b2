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
 * one more interval between two settled readings says what each call keeps
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
  /** Settle the byte reading through the capture's id mark (exact to the object). */
  precise: boolean;
  deadline: Deadline;
}): Promise<{ findings: Finding[]; rounds: number; calls: number } | undefined> {
  const { capture, runner, tracker, opts, callsPerInterval, deadline } = input;
  if (!opts.kinds.has('storm') || !hasDomDocument()) return undefined;
  const started = nowMs();
  const callsBefore = runner.calls;
  const handlesBefore = tracker.liveCount();
  const storms = await countDomListenerStorms(runner, callsPerInterval);
  if (storms.length === 0) return undefined;
  // The two intervals' time again for the reading, with its two settled collections: else the rounds decide.
  if (!deadline.fits(3 * (nowMs() - started))) return undefined;
  const start = await measureSettled(capture, opts.gc, tracker, input.precise);
  await runner.run(callsPerInterval);
  const end = await measureSettled(capture, opts.gc, tracker, input.precise);
  const bytesPerCall = Math.max(0, (end.heapUsed - start.heapUsed) / callsPerInterval);
  const calls = runner.calls - callsBefore;
  const findings: Finding[] = [];
  for (const finding of domStormFindings(storms, bytesPerCall)) {
    const site = finding.allocationSite ? `${finding.allocationSite.file}:${finding.allocationSite.line}` : '';
    if (!isIgnored({ kind: 'storm', name: finding.name ?? '', retainerPath: finding.retainerPathText ?? '', allocationSite: site }, opts.ignore)) findings.push(finding);
  }
  if (findings.length === 0) return undefined;
  if (opts.kinds.has('handle') && tracker.liveCount() - handlesBefore >= calls / 2) findings.push(...handleFindings(tracker.groupsLeftOpen(true), tracker.calls));
  return { findings, rounds: 3, calls };
}

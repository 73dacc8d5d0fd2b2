import { listenerFunction, readListenerLists, type ListenerList } from '../../analyzers/dom-listeners.js';
import { functionSources } from '../../analyzers/function-location.js';
import { retainerStepsText } from '../../analyzers/retainer-path.js';
import type { CallRunner } from '../calls/call-runner.js';
import { domListenerTitle } from '../explain/finding-title.js';
import type { StormFinding } from '../types.js';

/**
 * Listener storms on the DOM found by counting, not by a heap snapshot.
 *
 * A component that adds a listener to the window on mount and forgets it on
 * unmount makes the window's list one entry longer per call. The lists are
 * plain JS (see dom-listeners.ts): read before and after two intervals of
 * calls, they name the target, the event, the function and the rate in a
 * few milliseconds, where a snapshot of a 40–80 MB jsdom heap takes seconds.
 */

/** One target's steadily growing lists. */
export interface DomListenerStorm {
  targetName: string;
  events: string[];
  /** Entries added per call over the counted calls, all its events together. */
  perCall: number;
  /** A function one of the new entries runs. */
  listener?: Function;
  /** From the target to the last new entry: `window → _eventListeners → Object → resize → Array → [61]`. */
  path: string;
}

/** Entries per call a list must gain in each interval: a listener every other call at least. */
const MIN_PER_CALL = 0.5;

/** The second interval's gain against the first's: a list that fills up to a cap slows down, a storm does not. */
const KEEPS_PACE = 0.75;

type Tally = Map<object, Map<string, ListenerList>>;

function tally(lists: readonly ListenerList[]): Tally {
  const byTarget: Tally = new Map();
  for (const list of lists) {
    const events = byTarget.get(list.target) ?? new Map<string, ListenerList>();
    events.set(list.event, list);
    byTarget.set(list.target, events);
  }
  return byTarget;
}

const lengthOf = (t: Tally, target: object, event: string) => t.get(target)?.get(event)?.entries.length ?? 0;

/** Whether the environment has a document whose listener lists can be read. */
export function hasDomDocument(scope: object = globalThis): boolean {
  const document = (scope as { document?: unknown }).document;
  return typeof document === 'object' && document !== null;
}

/** Whether some list gained MIN_PER_CALL entries per call from `from` to `to`. */
function anyGained(from: Tally, to: Tally, calls: number): boolean {
  for (const [target, events] of to) {
    for (const [event, list] of events) if (list.entries.length - lengthOf(from, target, event) >= MIN_PER_CALL * calls) return true;
  }
  return false;
}

/**
 * Runs two intervals of `callsPerInterval` calls and returns the targets
 * whose lists gained at least MIN_PER_CALL entries per call in each, at a
 * kept pace. Empty when none did (or outside a DOM environment). When no
 * list gained that much in the first interval, no storm can be steady: the
 * second is not run (a clean component's counting costs one interval).
 */
export async function countDomListenerStorms(runner: CallRunner, callsPerInterval: number, scope: object = globalThis): Promise<DomListenerStorm[]> {
  const before = readListenerLists(scope);
  const known = new Set(before.flatMap((l) => l.entries));
  const readings = [tally(before)];
  for (let i = 0; i < 2; i++) {
    await runner.run(callsPerInterval);
    readings.push(tally(readListenerLists(scope)));
    if (i === 0 && !anyGained(readings[0]!, readings[1]!, callsPerInterval)) return [];
  }
  const [start, middle, end] = readings as [Tally, Tally, Tally];
  const storms: DomListenerStorm[] = [];
  for (const [target, events] of end) {
    const growing: ListenerList[] = [];
    let added = 0;
    for (const [event, list] of events) {
      const first = lengthOf(middle, target, event) - lengthOf(start, target, event);
      const second = list.entries.length - lengthOf(middle, target, event);
      const steady = first >= MIN_PER_CALL * callsPerInterval && second >= MIN_PER_CALL * callsPerInterval && second >= KEEPS_PACE * first;
      if (!steady) continue;
      growing.push(list);
      added += first + second;
    }
    if (growing.length === 0) continue;
    const last = growing[0]!;
    const newest = [...last.entries].reverse().find((entry) => !known.has(entry));
    const at = newest === undefined ? last.entries.length - 1 : last.entries.lastIndexOf(newest);
    const path = retainerStepsText([...last.path, { node: 'Array', edge: `[${at}]` }, { node: functionName(listenerFunction(newest)) }]);
    storms.push({ targetName: last.targetName, events: growing.map((l) => l.event), perCall: added / (2 * callsPerInterval), listener: listenerFunction(newest), path });
  }
  return storms;
}

const functionName = (fn: Function | undefined) => (fn && fn.name ? fn.name : '(anonymous)');

/**
 * The findings for the storms, in the words of the snapshot's DOM findings
 * (`window gains 'resize' listeners: +1 per call (6.6 KiB per call),
 * closures of onResize (src/Widget.tsx:6)`), `bytesPerCall` being the heap's
 * settled growth per call over counted calls; undefined when it was not read.
 */
export function domStormFindings(storms: readonly DomListenerStorm[], bytesPerCall: number | undefined): StormFinding[] {
  const sources = functionSources(storms.map((s) => s.listener).filter((fn): fn is Function => fn !== undefined));
  return storms.map((storm) => {
    const name = functionName(storm.listener);
    const source = storm.listener ? sources.get(storm.listener) : undefined;
    const closure = { name, ...(source ? { position: { file: source.file, line: source.line } } : {}) };
    const finding: StormFinding = {
      kind: 'storm',
      title: domListenerTitle({ target: storm.targetName, events: storm.events, count: storm.perCall, bytes: bytesPerCall, closure }),
      name,
      perCall: { count: storm.perCall, bytes: bytesPerCall ?? 0 },
      retainerPathText: storm.path,
      holder: storm.targetName,
      growingEdge: `${storm.events.map((e) => `'${e}'`).join(', ')} listeners`,
    };
    if (source) {
      finding.allocationSite = { file: source.file, line: source.line, column: source.column, functionName: name, stack: [`${name} (${source.file}:${source.line}:${source.column})`], source: 'inferred' };
    }
    return finding;
  });
}

import { relative, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeType } from '../../analyzers/heap-index.js';
import type { GroupHolder, SurvivorGroup } from '../../analyzers/survivors.js';
import { formatBytes } from '../../report/format.js';
import type { FindingKind } from '../types.js';
import { groupsOf } from '../../analyzers/holder-groups.js';
import { PROPERTIES_EDGE, SYMBOLS_EDGE } from '../../analyzers/keyed-growth.js';

/**
 * Finding titles in the user's words: what grows (`listeners of 'error' on
 * Client`, `entries of Map cache`, `Session objects`, `closures of onError
 * (lib/client.js:21)`), by how much per call. V8's and Node's names for the
 * parts of a value (`system / Context`, `(closure)`, `Node / …`) never
 * reach a title.
 */

export function perCallText(count: number): string {
  const whole = Math.round(count);
  if (whole >= 1 && Math.abs(count - whole) <= 0.05 * whole) return `+${whole}`;
  return `+${count.toFixed(count < 1 ? 2 : 1)}`;
}

/** What the user calls a group of values V8 names by its internal kind. */
const PLAIN_NAMES: Record<string, string> = {
  Object: 'plain objects',
  Array: 'arrays',
  '(string)': 'strings',
  'system / Context': 'closure scopes',
  'heap number': 'numbers',
  bigint: 'bigints',
};

/** A file as the user knows it: `node_modules/<pkg>/lib/x.js` for a library, relative to the project otherwise. */
export function displayFile(file: string): string {
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  const inLibrary = path.lastIndexOf(`node_modules${sep}`);
  if (inLibrary >= 0) return path.slice(inLibrary);
  if (!isAbsolute(path)) return path;
  const fromCwd = relative(process.cwd(), path);
  return fromCwd.startsWith('..') ? path : fromCwd;
}

/** Where the closures' function is written: the script's file and, when the site is in it, the line. */
export interface ClosurePosition {
  file: string;
  line?: number;
}

/** The function a group's closures (or EventTarget's Listener records) run, and where it is written. */
export interface ClosureInfo {
  name: string;
  position?: ClosurePosition;
}

function closureNoun({ name, position }: ClosureInfo): string {
  const where = position ? ` (${displayFile(position.file)}${position.line ? `:${position.line}` : ''})` : '';
  return name === '(anonymous)' || name === '' ? `anonymous closures${where}` : `closures of ${name}${where}`;
}

/** The events whose listeners the group's holders gain: `'data'`, `'close' and 'data'`. */
function eventNames(group: SurvivorGroup): string[] {
  const events = new Set(groupsOf(group).map((g) => /^'(.*)' listeners$/.exec(g.holder?.edge ?? '')?.[1]).filter((e): e is string => e !== undefined));
  // In a fixed order, numbers by value ('MESSAGE_ADDED.2' before '.10'): the groups come in heap order, which differs run to run.
  return [...events].sort(byNaturalOrder).map((e) => `'${e}'`);
}

const byNaturalOrder = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

const joinNames = (names: string[]) => names.join(names.length === 2 ? ' and ' : ', ');

/** `'resize' listeners`, `'click' and 'keydown' listeners`, `listeners`. */
function domEventsPhrase(events: string[]): string {
  return events.length === 0 ? 'listeners' : `${joinNames(events)} listeners`;
}

/**
 * A DOM target that gains listeners, the way a component's author says it:
 * `window gains 'resize' listeners: +1 per call (6.6 KiB per call), closures of onResize (src/Widget.tsx:6)`.
 */
export function domListenerTitle(input: { target: string; events: string[]; count: number; bytes: number | undefined; closure: ClosureInfo | undefined }): string {
  const by = input.closure ? `, ${closureNoun(input.closure)}` : '';
  const events = [...input.events].sort(byNaturalOrder).map((e) => `'${e}'`);
  // Bytes are not read when the test's time ran short (see dom-storm-verdict.ts).
  const size = input.bytes === undefined ? '' : ` (${formatBytes(input.bytes)} per call)`;
  return `${input.target} gains ${domEventsPhrase(events)}: ${perCallText(input.count)} per call${size}${by}`;
}

/** `entries of Map cache`, `listeners of 'data' on Socket`, `elements of Array callbacks`, `Client client`. */
export function holderPhrase(holder: GroupHolder, group: SurvivorGroup): string {
  const named = holder.variable ? `${holder.label} ${holder.variable}` : holder.label;
  if (/listeners$/.test(holder.edge)) {
    const events = eventNames(group);
    const which = events.length === 0 ? '' : ` of ${joinNames(events)}`;
    return `listeners${which} on ${holder.label}`;
  }
  if (holder.edge === 'Map entries' || holder.edge === 'Set entries') return `entries of ${named}`;
  if (holder.edge === 'array elements') return `elements of ${named}`;
  return named;
}

/** The noun for the group's own objects: `Session objects`, `closures of onError (…)`, `plain objects`. */
function groupNoun(group: SurvivorGroup, closure: ClosureInfo | undefined): string {
  if (group.nodeType === NodeType.closure) return closureNoun(closure ?? { name: group.name });
  return PLAIN_NAMES[group.name] ?? `${group.name} objects`;
}

/** DOM elements a call leaves alive: their tag, whether the page still has them, how many nodes each subtree holds. */
export interface DomSubtrees {
  tag: string;
  detached: boolean;
  nodesEach: number;
}

export function findingTitle(input: {
  group: SurvivorGroup;
  kind: FindingKind;
  count: number;
  bytes: number;
  /** The function the closures run: the group's own, or the callback of EventTarget's Listener records. */
  closure: ClosureInfo | undefined;
  dom?: DomSubtrees;
}): string {
  const { group, kind, count, bytes, closure, dom } = input;
  const holder = group.holder;
  const rate = `${perCallText(count)} per call (${formatBytes(bytes)} per call)`;
  if (dom && kind !== 'storm') {
    // What memlab calls detached DOM: removed from the page, still reachable from JS.
    const what = dom.detached ? `detached ${dom.tag} subtrees` : `${dom.tag} elements left in the page`;
    const each = dom.nodesEach > 1 ? `, ${dom.nodesEach} nodes each` : '';
    const owner = holder ? (holder.variable ? `${holder.label} ${holder.variable}` : holder.label) : undefined;
    return `${what}: ${perCallText(count)} per call (${formatBytes(bytes)} per call${each})${owner ? `, held by ${owner}` : ''}`;
  }
  const heldBy = holder ? holderPhrase(holder, group) : undefined;
  if (kind === 'native') {
    return `${group.name} memory grows ${formatBytes(bytes)} per call (${perCallText(count)} ${group.name} per call)${heldBy ? `, held by ${heldBy}` : ''}`;
  }
  if (heldBy && /listeners$/.test(holder!.edge)) {
    if (holder!.dom) return domListenerTitle({ target: holder!.label, events: eventNames(group).map((e) => e.slice(1, -1)), count, bytes, closure });
    const by = closure ? `, ${closureNoun(closure)}` : '';
    return `${heldBy}: ${rate}${by}`;
  }
  // Keys interned into a dictionary, symbols filed in the registry: the holder is what grows.
  if (holder && (holder.edge === PROPERTIES_EDGE || holder.edge === SYMBOLS_EDGE)) {
    const named = holder.variable ? `${holder.label} ${holder.variable}` : holder.label;
    return `${named} gains ${holder.edge}: ${perCallText(count)} per call (~${formatBytes(bytes)} per call)`;
  }
  const noun = groupNoun(group, closure);
  // Plain values say nothing by themselves: the holder that gains them names the finding.
  if (heldBy && group.nodeType !== NodeType.closure && PLAIN_NAMES[group.name] !== undefined) return `${heldBy}: ${rate}`;
  const owner = holder && !/listeners$/.test(holder.edge) ? (holder.variable ? `${holder.label} ${holder.variable}` : holder.label) : heldBy;
  return `${noun}: ${rate}${owner ? `, held by ${owner}` : ''}`;
}

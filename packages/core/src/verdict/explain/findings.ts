import { fileURLToPath } from 'node:url';
import type { AllocationSite, HandleFinding, NativeFinding, ObjectFinding } from '../types.js';
import { formatBytes } from '../../report/format.js';
import { EdgeType, NodeType, type HeapIndex } from '../../analyzers/heap-index.js';
import { findCycles, NATIVE_BACKED, type SurvivorGroup } from '../../analyzers/survivors.js';
import { allocationCandidates, bindSiteInScript, BOUND_PREFIX, instanceSite, propertyNamesOf, siteForGroup, type ClosureSource } from '../../analyzers/allocation-site.js';
import { functionPositionById } from '../../analyzers/value-by-id.js';
import { functionLine } from '../../analyzers/function-line.js';
import { closureScript } from '../../analyzers/closure-script.js';
import { boundFunction } from '../../analyzers/bound-function.js';
import { previewObject } from '../../analyzers/preview.js';
import { groupKind, type Explanation } from './explain.js';
import { findingTitle, perCallText, type ClosureInfo, type DomSubtrees } from './finding-title.js';
import { attachedToDocument, domSubtreeNodes, domTag, inDocument, localNameOf } from '../../analyzers/dom-targets.js';
import { groupsOf, listenersPerCall } from '../../analyzers/holder-groups.js';
import type { HandleGroup } from '../handles/handle-groups.js';

function closureSource(index: HeapIndex, node: number): ClosureSource | undefined {
  const position = functionPositionById(index.id(node));
  return position && { name: index.name(node), position };
}

/**
 * jsdom hands the DOM a wrapper of its own for each listener
 * (`callTheUserObjectsOperation`, generated per callback), which keeps the
 * user's function in its scope as `value`: the function the user wrote is
 * the one to name.
 */
function unwrapDomListener(index: HeapIndex, closure: number): number {
  if (index.name(closure) !== 'callTheUserObjectsOperation') return closure;
  const scope = index.edgeTo(closure, /^context$/);
  const user = scope < 0 ? -1 : index.edgeTo(scope, /^value$/, NodeType.closure);
  return user < 0 ? closure : user;
}

/** The function a closure runs: a bound function's (once()'s listener, bind()'s target), else itself. */
function unwrapClosure(index: HeapIndex, closure: number): number {
  return unwrapDomListener(index, boundFunction(index, closure)?.runs ?? closure);
}

/** The closure an EventTarget Listener record runs (its `callback`), else the node itself when it is a closure. */
function runClosure(index: HeapIndex, node: number): number {
  if (index.type(node) === NodeType.closure) return unwrapClosure(index, node);
  const callback = index.edgeTo(node, /^(callback|listener)$/, NodeType.closure);
  return callback < 0 ? -1 : unwrapClosure(index, callback);
}

/**
 * Where a bind() was made: the `.bind(` line in a sampled frame, else the
 * one line that binds the target in the target's own script, else the
 * sampled function that allocated most.
 */
function boundSite(index: HeapIndex, target: number, candidates: ReturnType<typeof allocationCandidates>): AllocationSite | undefined {
  const name = index.name(target);
  const sampled = siteForGroup(candidates, `${BOUND_PREFIX}${name}`, 'closure');
  if (sampled?.source === 'inferred') return sampled;
  const script = closureScript(index, target);
  return (script && bindSiteInScript(script, name)) || sampled;
}

/**
 * The function the group's closures run and where it is written: the
 * closure's measured site when the site is its own position, else its
 * script, at the line that declares it, else the allocation site's line
 * when the site is in that script.
 */
function closureInfo(index: HeapIndex, group: SurvivorGroup, site: AllocationSite | undefined): ClosureInfo | undefined {
  const closure = runClosure(index, group.representative);
  if (closure < 0) return undefined;
  const name = index.name(closure) || '(anonymous)';
  // The closure's own position, mapped through its script's source map (a
  // bundle's closure reads at the line of the source it was built from).
  if (site?.source === 'measured') return { name, position: { file: site.file, line: site.line } };
  const script = closureScript(index, closure);
  if (!script) return { name };
  const file = script.startsWith('file://') ? fileURLToPath(script) : script;
  const line = functionLine(file, name) ?? (site && site.file === file ? site.line : undefined);
  return { name, position: line === undefined ? { file } : { file, line } };
}

/**
 * Listeners a call adds to DOM targets: the new entries of each event's
 * list (a listener is one entry whatever the environment files with it: a
 * record and its options in jsdom, the function and a parallel options list
 * in happy-dom), summed over events.
 */
function domListenersPerCall(index: HeapIndex, group: SurvivorGroup, firstId: number, calls: number): number | undefined {
  if (!group.holder?.dom) return undefined;
  const perEvent = new Map<string, number>();
  const { edgeStart, edgeTargets, edgeTypes } = index.graph;
  for (const g of groupsOf(group)) {
    const storage = g.holder?.storage;
    if (!g.holder?.dom || storage === undefined) continue;
    let added = 0;
    for (let e = edgeStart[storage]!; e < edgeStart[storage + 1]!; e++) {
      if (edgeTypes[e] === EdgeType.element && index.id(edgeTargets[e]!) > firstId) added++;
    }
    perEvent.set(g.holder.edge, Math.max(perEvent.get(g.holder.edge) ?? 0, added));
  }
  const total = [...perEvent.values()].reduce((sum, n) => sum + n, 0);
  return total > 0 ? total / calls : undefined;
}

/**
 * Elements a call adds to an older array: its new elements, however many
 * objects each one brings (an entry and the headers object inside it are
 * two plain objects in the group, one element of the array). V8 files an
 * array's elements as its own element edges or in its `elements` store.
 */
function arrayElementsPerCall(index: HeapIndex, group: SurvivorGroup, firstId: number, calls: number): number | undefined {
  if (group.holder?.edge !== 'array elements') return undefined;
  const array = group.holder.node;
  const { edgeStart, edgeTargets, edgeTypes } = index.graph;
  const added = new Set<number>();
  const store = index.edgeTo(array, /^elements$/);
  for (const owner of store >= 0 ? [array, store] : [array]) {
    for (let e = edgeStart[owner]!; e < edgeStart[owner + 1]!; e++) {
      const target = edgeTargets[e]!;
      if (edgeTypes[e] === EdgeType.element && index.id(target) > firstId) added.add(target);
    }
  }
  return added.size > 0 ? added.size / calls : undefined;
}

/** The DOM environment's own files: jsdom and happy-dom build every node the user's code asks for. */
const DOM_ENVIRONMENT_FILE = /node_modules[\\/](jsdom|happy-dom)[\\/]/;

/**
 * A DOM node's site in the user's code: the first sampled frame outside the
 * environment (the `createElement` or `innerHTML =` that asked for it)
 * rather than the environment's constructor that built it.
 */
function inUserCode(site: AllocationSite): Partial<AllocationSite> | undefined {
  if (!DOM_ENVIRONMENT_FILE.test(site.file)) return undefined;
  for (const [i, frame] of site.stack.entries()) {
    const match = /^(.*) \((.+):(\d+):(\d+)\)$/.exec(frame);
    if (!match || DOM_ENVIRONMENT_FILE.test(match[2]!) || /^node:|[\\/]node_modules[\\/]/.test(match[2]!)) continue;
    return { functionName: match[1]!, file: match[2]!, line: Number(match[3]), column: Number(match[4]), stack: site.stack.slice(i), source: 'sampled' };
  }
  return undefined;
}

/**
 * The group's DOM elements, when it is made of them: the tag, whether the
 * representative still hangs in a document (its own parent links, else the
 * retainer path), and how many DOM nodes its subtree holds (made in the
 * measured calls; see domSubtreeNodes).
 */
function domSubtrees(index: HeapIndex, group: SurvivorGroup, firstId: number): DomSubtrees | undefined {
  const byClass = domTag(group.name);
  if (!byClass) return undefined;
  const tag = localNameOf(index, group.representative) ?? byClass;
  const attached = attachedToDocument(index, group.representative) ?? inDocument(group.retainerPath);
  const nodesEach = domSubtreeNodes(index, group.representative, (node) => index.id(node) > firstId);
  return { tag, detached: !attached, nodesEach };
}

export function findingKindOf(group: SurvivorGroup, nativeGrew: boolean): ObjectFinding['kind'] {
  if (NATIVE_BACKED.test(group.name) && nativeGrew) return 'native';
  if (group.nodeType === NodeType.closure || group.name === 'Listener' || /listeners$/.test(group.holder?.edge ?? '')) return 'storm';
  return 'heap';
}

/** Turns a steadily growing group into a finding: title, rate, path, site, preview, cycles. */
export function groupFinding(group: SurvivorGroup, explanation: Explanation, kind: ObjectFinding['kind'], nativeBytesPerCall: number): ObjectFinding {
  const { index, calls } = explanation;
  const first = explanation.boundaries[0]!;
  const count = domListenersPerCall(index, group, first, calls) ?? listenersPerCall(group, calls) ?? arrayElementsPerCall(index, group, first, calls) ?? group.members.length / calls;
  // The retained bytes a call adds: the folded groups' bytes, and the native
  // memory behind them when they hold Buffers (never counted twice: the
  // larger of the two figures).
  const bytes = nativeBytesPerCall > 0 ? Math.max(nativeBytesPerCall, group.bytes / calls) : group.bytes / calls;
  const candidates = allocationCandidates(explanation.samples);
  // A listener record (a DOM environment's, EventTarget's Listener) was made
  // where the function it runs is written; the record itself is allocated in
  // the environment's or Node's code, below the function that added it.
  // A once() listener is made where the function handed to once() is
  // written; a bind() is made at the `.bind(` line, not where its target is.
  const bound = boundFunction(index, group.representative);
  const madeBy = group.holder?.dom || group.name === 'Listener' || bound?.byOnce ? runClosure(index, group.representative) : group.representative;
  const script = madeBy >= 0 && (!bound || bound.byOnce) ? closureScript(index, madeBy) : undefined;
  const kindOfGroup = groupKind(group);
  const guessed = script
    ? siteForGroup(candidates, index.name(madeBy), 'closure', script, closureSource(index, madeBy))
    : bound
      ? boundSite(index, bound.runs, candidates)
      : siteForGroup(candidates, group.name, kindOfGroup, undefined, undefined, propertyNamesOf(index, group.representative));
  // An instance whose constructor no sampled user or library line calls was made by Node itself (a server's parsed request).
  const site = !script && kindOfGroup === 'object' && !domTag(group.name) ? instanceSite(explanation.samples, group.name, guessed) : guessed;
  if (site && domTag(group.name)) Object.assign(site, inUserCode(site) ?? {});
  const holder = group.holder;
  const title = findingTitle({ group, kind, count, bytes, closure: closureInfo(index, group, site), dom: domSubtrees(index, group, first) });
  const finding: ObjectFinding = {
    kind,
    title,
    name: group.name,
    perCall: { count, bytes },
    retainerPath: group.retainerPath,
    retainerPathText: group.pathText,
  };
  if (site) finding.allocationSite = site;
  if (holder) {
    finding.holder = holder.label;
    finding.growingEdge = holder.edge;
  }
  // A listener record previews as the function it runs, not as Node's linked record.
  const previewed = group.name === 'Listener' && madeBy >= 0 ? madeBy : group.representative;
  const preview = previewObject(index.id(previewed), explanation.previewHolderId, explanation.previewHolder, explanation.objectById, { index, node: previewed });
  if (preview) finding.preview = preview;
  const cycles = findCycles(index, group, (n) => index.id(n) > first);
  if (cycles.length) finding.cycles = cycles;
  return finding;
}

/**
 * Handles left open one per call, one finding per line of code that opens
 * them. A group that stopped growing (a cap) says over which calls it grew:
 * its per-call figure is its count over those calls, not over the run.
 */
export function handleFindings(groups: readonly HandleGroup[], totalCalls: number): HandleFinding[] {
  return sameLineGroups(groups).map(([group, ...companions]) => {
    const where = group!.stack[0]?.replace(/^at\s+/, '') ?? 'an unknown place';
    const stopped = group!.lastCall <= totalCalls / 2 ? ` over calls ${group!.firstCall}–${group!.lastCall} (${group!.open} open, then no more)` : '';
    const along = companions.length ? ` (with its ${companions.map((c) => c.type).join(', ')})` : '';
    return {
      kind: 'handle' as const,
      title: `${group!.type} left open${along}: ${perCallText(group!.perCall)} per call${stopped}, created at ${where}`,
      perCall: { count: group!.perCall, bytes: 0 },
      resourceType: group!.type,
      creationStack: group!.stack,
    };
  });
}

/** Timers are what a socket or server arms for itself; the handle that owns them leads. */
const handleRank = (type: string): number => (/^(Timeout|Immediate)$/.test(type) ? 1 : 0);

/**
 * One line of code, one bug: a request left open per call leaves its socket
 * and the socket's idle timer, both created at the same frame. Groups are
 * folded by their creation frame, the owning handle first.
 */
function sameLineGroups(groups: readonly HandleGroup[]): HandleGroup[][] {
  const byLine = new Map<string, HandleGroup[]>();
  for (const group of groups) {
    const line = group.stack[0] ?? `${group.type}:unknown`;
    byLine.set(line, [...(byLine.get(line) ?? []), group]);
  }
  return [...byLine.values()].map((members) => [...members].sort((a, b) => handleRank(a.type) - handleRank(b.type) || b.open - a.open));
}

export function nativeFinding(figure: string, bytesPerCall: number): NativeFinding {
  const what = figure === 'malloc' ? 'Native (malloc) memory' : figure === 'arrayBuffers' ? 'ArrayBuffer memory' : 'External memory';
  return {
    kind: 'native',
    title: `${what} grows ${formatBytes(bytesPerCall)} per call`,
    perCall: { count: 0, bytes: bytesPerCall },
  };
}

/** Descriptors that grow with no async resource to show for them (a stream's fd, a raw fs.openSync). */
export function descriptorFinding(perCall: number): HandleFinding {
  return {
    kind: 'handle',
    title: `File descriptors left open: ${perCallText(perCall)} per call`,
    perCall: { count: perCall, bytes: 0 },
    resourceType: 'fd',
  };
}

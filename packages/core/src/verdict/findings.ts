import type { Finding, FindingKind } from './types.js';
import { formatBytes } from '../report/format.js';
import { NodeType, type HeapIndex } from '../analyzers/heap-index.js';
import { findCycles, type SurvivorGroup } from '../analyzers/survivors.js';
import { allocationCandidates, siteForGroup } from '../analyzers/allocation-site.js';
import { previewObject } from '../analyzers/preview.js';
import { groupKind, type Explanation } from './explain.js';
import type { HandleGroup } from './handle-groups.js';

const perCallText = (count: number) => (count >= 0.95 && count <= 1.05 ? '+1' : `+${count.toFixed(count < 1 ? 2 : 1)}`);
const NATIVE_BACKED = /^(Buffer|Uint8Array|ArrayBuffer|FastBuffer|Uint16Array|Uint32Array|Float64Array|Float32Array|Int32Array|DataView|SharedArrayBuffer)$/;

/** The file that defines a closure: closure → shared → script_or_debug_info, whose name is the script's URL. */
function closureScript(index: HeapIndex, node: number): string | undefined {
  if (index.type(node) !== NodeType.closure) return undefined;
  const follow = (from: number, edgeName: string): number => {
    const { edgeStart, edgeTargets } = index.graph;
    for (let e = edgeStart[from]!; e < edgeStart[from + 1]!; e++) if (index.edgeLabel(e) === edgeName) return edgeTargets[e]!;
    return -1;
  };
  const shared = follow(node, 'shared');
  const script = shared < 0 ? -1 : follow(shared, 'script_or_debug_info');
  const name = script < 0 ? '' : index.name(script);
  return /[\\/]/.test(name) ? name : undefined;
}

export function findingKindOf(group: SurvivorGroup, nativeGrew: boolean): FindingKind {
  if (NATIVE_BACKED.test(group.name) && nativeGrew) return 'native';
  if (group.nodeType === NodeType.closure || group.name === 'Listener' || /listeners$/.test(group.holder?.edge ?? '')) return 'storm';
  return 'heap';
}

/** Turns a steadily growing group into a finding: title, rate, path, site, preview, cycles. */
export function groupFinding(group: SurvivorGroup, explanation: Explanation, kind: FindingKind, nativeBytesPerCall: number): Finding {
  const { index, calls } = explanation;
  const count = group.members.length / calls;
  const bytes = kind === 'native' ? Math.max(nativeBytesPerCall, group.bytes / calls) : group.bytes / calls;
  const first = explanation.boundaries[0]!;
  const candidates = allocationCandidates(explanation.samples);
  const site = siteForGroup(candidates, group.name, groupKind(group), closureScript(index, group.representative));
  const holder = group.holder;
  const label = group.nodeType === NodeType.closure ? `${group.name === '(anonymous)' ? 'anonymous' : group.name} closures` : `${group.name} objects`;
  let title: string;
  if (kind === 'storm' && holder) {
    title = `${holder.label} gains ${holder.edge}: ${perCallText(count)} per call (${formatBytes(bytes)} per call)`;
  } else if (kind === 'native') {
    title = `${group.name} memory grows ${formatBytes(bytes)} per call (${perCallText(count)} ${group.name} per call)`;
  } else {
    title = `${label}: ${perCallText(count)} per call (${formatBytes(bytes)} per call)${holder ? `, held by ${holder.label} ${holder.edge}` : ''}`;
  }
  const finding: Finding = {
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
  const preview = previewObject(index.id(group.representative), explanation.previewHolderId, explanation.previewHolder, explanation.objectById);
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
export function handleFindings(groups: readonly HandleGroup[], totalCalls: number): Finding[] {
  return groups.map((group) => {
    const where = group.stack[0]?.replace(/^at\s+/, '') ?? 'an unknown place';
    const stopped = group.lastCall <= totalCalls / 2 ? ` over calls ${group.firstCall}–${group.lastCall} (${group.open} open, then no more)` : '';
    return {
      kind: 'handle' as const,
      title: `${group.type} left open: ${perCallText(group.perCall)} per call${stopped}, created at ${where}`,
      perCall: { count: group.perCall, bytes: 0 },
      resourceType: group.type,
      creationStack: group.stack,
    };
  });
}

export function nativeFinding(figure: string, bytesPerCall: number): Finding {
  const what = figure === 'malloc' ? 'Native (malloc) memory' : figure === 'arrayBuffers' ? 'ArrayBuffer memory' : 'External memory';
  return {
    kind: 'native',
    title: `${what} grows ${formatBytes(bytesPerCall)} per call`,
    perCall: { count: 0, bytes: bytesPerCall },
  };
}

/** Descriptors that grow with no async resource to show for them (a stream's fd, a raw fs.openSync). */
export function descriptorFinding(perCall: number): Finding {
  return {
    kind: 'handle',
    title: `File descriptors left open: ${perCallText(perCall)} per call`,
    perCall: { count: perCall, bytes: 0 },
    resourceType: 'fd',
  };
}

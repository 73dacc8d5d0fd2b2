import type { Capture, GcMode } from '../capture/types.js';
import { MemscopeError } from '../errors.js';
import { assertFunction, callRepeatedly } from './call-loop.js';
import { nextMacrotask } from '../node-clock.js';

export interface AllocationOptions {
  /** Calls before measuring (JIT warm-up, caches filled). Default 10. */
  warmup?: number;
  /** Calls measured; the figure is their mean. Default 100. */
  calls?: number;
}

export interface RetentionOptions {
  /** Calls measured; the figure is their total. Default 1. */
  calls?: number;
  /** Strength of the settling GC before and after. Default 'thorough' (sub-KB noise). */
  gc?: GcMode;
  /** Calls before the first measurement, to leave first-use initialisation out. Default 0. */
  warmup?: number;
}

export interface AllocationMeasurement {
  calls: number;
  warmup: number;
  /** All bytes allocated by the measured calls, garbage included. */
  totalBytes: number;
  perCall: number;
  /** Collections that ran during the measured calls. */
  gcCount: number;
}

export interface RetentionMeasurement {
  calls: number;
  /** Heap (outside code) plus external bytes still reachable after the calls, never below 0. */
  retainedBytes: number;
  heapBytes: number;
  externalBytes: number;
}

function count(key: string, value: unknown, fallback: number, min: number, matcherName: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: option \`${key}\` must be an integer ≥ ${min}, got ${String(value)}.`);
  }
  return value;
}

function checkKeys(options: unknown, known: readonly string[], matcherName: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: options must be an object, got ${String(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: unknown option \`${key}\`; known options: ${known.join(', ')}.`);
    }
  }
  return options as Record<string, unknown>;
}

/** Heap in use outside the code spaces: compiled code follows the JIT, not the user's data. */
function heapWithoutCode(capture: Capture): number {
  let used = 0;
  for (const space of capture.heapSpaces()) if (!space.name.startsWith('code')) used += space.used;
  return used;
}

const nextTurn = nextMacrotask;

/**
 * Bytes allocated per call: after warm-up and a full GC, heap use grows by
 * what the calls allocated minus what collections freed in between, so
 * allocated = heap delta + bytes freed by GCs (the capture's GC accounting).
 */
export async function measureAllocation(
  fn: unknown, capture: Capture, rawOptions?: unknown, matcherName = 'toAllocateAtMost',
): Promise<AllocationMeasurement> {
  assertFunction(fn, matcherName);
  const options = checkKeys(rawOptions, ['warmup', 'calls'], matcherName);
  const warmup = count('warmup', options.warmup, 10, 0, matcherName);
  const calls = count('calls', options.calls, 100, 1, matcherName);
  await callRepeatedly(fn, warmup, matcherName);
  await nextTurn();
  capture.gc('fast');
  const gcBefore = capture.gcTotals();
  const heapBefore = capture.heapFigures().heapUsed;
  await callRepeatedly(fn, calls, matcherName);
  const heapAfter = capture.heapFigures().heapUsed;
  const gcAfter = capture.gcTotals();
  const totalBytes = Math.max(0, heapAfter - heapBefore + (gcAfter.freedBytes - gcBefore.freedBytes));
  return { calls, warmup, totalBytes, perCall: totalBytes / calls, gcCount: gcAfter.count - gcBefore.count };
}

/**
 * Bytes still reachable after `calls` calls: a settled GC before and after,
 * one event-loop turn before each so WeakRefs held for the current job are
 * released, and the difference in heap (outside code) plus external memory.
 */
export async function measureRetention(
  fn: unknown, capture: Capture, rawOptions?: unknown, matcherName = 'toRetainAtMost',
): Promise<RetentionMeasurement> {
  assertFunction(fn, matcherName);
  const options = checkKeys(rawOptions, ['calls', 'gc', 'warmup'], matcherName);
  const calls = count('calls', options.calls, 1, 1, matcherName);
  // Calls before the first reading, so that what the first use initialises
  // once (a lazy module, compiled code) is not counted. None by default: the
  // figure is what the calls retain, first use included.
  const warmup = count('warmup', options.warmup, 0, 0, matcherName);
  const mode = options.gc ?? 'thorough';
  if (mode !== 'fast' && mode !== 'thorough') {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: option \`gc\` must be 'fast' or 'thorough', got ${String(mode)}.`);
  }
  // ArrayBuffer backing stores are swept off the main thread after a GC, so
  // external memory drops a turn or two late (a previous verdict's heap graph
  // is tens of MB of it): settle until it stops falling.
  const settle = async () => {
    let reading = { heap: 0, external: Infinity };
    for (let pass = 0; pass < 4; pass++) {
      await nextTurn();
      capture.gc(mode);
      const next = { heap: heapWithoutCode(capture), external: capture.heapFigures().external };
      const settled = next.external >= reading.external;
      reading = next;
      if (settled) break;
    }
    return reading;
  };
  if (warmup > 0) await callRepeatedly(fn, warmup, matcherName);
  const before = await settle();
  await callRepeatedly(fn, calls, matcherName);
  const after = await settle();
  const heapBytes = after.heap - before.heap;
  const externalBytes = after.external - before.external;
  return { calls, retainedBytes: Math.max(0, heapBytes + externalBytes), heapBytes, externalBytes };
}

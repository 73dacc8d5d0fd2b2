import { MemscopeError } from '../errors.js';
import type { Capture, GcMode } from './types.js';

const GC_MODES: readonly GcMode[] = ['fast', 'thorough', 'young'];
/** Frames one sampled allocation may keep, as the addon bounds them. */
export const MAX_STACK_DEPTH = 1024;
/** The largest mean sampling interval, 1 TiB, as the addon bounds it. */
const MAX_SAMPLING_INTERVAL = 2 ** 40;

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** A whole number from 1 to `max`, or an error naming the argument. */
export function checkPositiveInteger(name: string, value: unknown, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max) return value;
  throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${name} must be an integer from 1 to ${max}, received ${shown(value)}`);
}

function checkGcMode(mode: unknown): GcMode {
  if (GC_MODES.includes(mode as GcMode)) return mode as GcMode;
  throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `gc(mode): mode must be 'fast', 'thorough' or 'young', received ${shown(mode)}`);
}

function checkTrackable(value: unknown): object {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') return value;
  throw new MemscopeError(
    'ERR_MEMSCOPE_NOT_TRACKABLE',
    `objectId(value): value must be an object or function, received ${value === null ? 'null' : typeof value}`,
  );
}

/**
 * The capture with its arguments checked before either path sees them, so
 * both paths refuse the same input with the same words. The paths themselves
 * assume valid arguments.
 */
export function withCheckedArguments(capture: Capture): Capture {
  return {
    ...capture,
    gc(mode: GcMode = 'fast'): void {
      capture.gc(checkGcMode(mode));
    },
    objectId(value: object): number {
      return capture.objectId(checkTrackable(value));
    },
    startSampling(intervalBytes: number, stackDepth?: number): void {
      const interval = checkPositiveInteger('startSampling(intervalBytes)', intervalBytes, MAX_SAMPLING_INTERVAL);
      const depth = stackDepth === undefined ? undefined : checkPositiveInteger('startSampling(intervalBytes, stackDepth)', stackDepth, MAX_STACK_DEPTH);
      capture.startSampling(interval, depth);
    },
  };
}

import { types } from 'node:util';
import { format } from 'pretty-format';
import type { HeapIndex } from './heap-index.js';
import { describeInternalNode } from './snapshot-description.js';
import { valueByIdThroughInspector } from './value-by-id.js';

const isProxy = (value: object): boolean => types.isProxy(value);

const MAX_PREVIEW_CHARS = 400;

/**
 * A one-line glimpse of a leaked object. A node of the snapshot that is not
 * a JS value (a closure context, code, a hidden class) is described from
 * the snapshot and never looked up: V8's own structures must not reach
 * JavaScript. A JS value is looked up by its heap snapshot id (through the
 * capture when it can, else through the inspector) and rendered with
 * pretty-format, bounded in depth, width and length. The inspector hands
 * the value over through a holder object of ours, found by its own id, so
 * it works across vm contexts (Jest, Vitest vmThreads).
 */
export function previewObject(
  objectId: number,
  holderId: number,
  holder: { value?: unknown },
  objectById?: (id: number) => unknown,
  snapshot?: { index: HeapIndex; node: number },
): string | undefined {
  const description = snapshot && describeInternalNode(snapshot.index, snapshot.node);
  if (description !== undefined) return description;
  if (objectById) {
    // One walk over the heap instead of the inspector's two (the value, then our holder).
    // The addon answers undefined for anything that is not a JS value.
    try {
      const value = objectById(objectId);
      return value === undefined ? undefined : formatPreview(value);
    } catch {
      return undefined;
    }
  }
  // The inspector answers only for JSReceivers with a creation context
  // (V8HeapProfilerAgentImpl::getObjectByHeapObjectId checks IsObject()), so
  // V8's own structures cannot come through this way either.
  const value = valueByIdThroughInspector(holder, holderId)(objectId);
  return value === undefined ? undefined : formatPreview(value);
}

const MAX_KEYS = 12;
const MAX_STRING = 120;
const MAX_DEPTH = 2;

/** A stand-in pretty-format prints by its class name, e.g. `Session {…}` or `Proxy {}`. */
function namedShell(name: string): Record<string, unknown> {
  const shell: Record<string, unknown> = {};
  const ctor = Object.defineProperty(function () {}, 'name', { value: name });
  Object.defineProperty(shell, 'constructor', { value: ctor, enumerable: false });
  return shell;
}

/** The class name of an object without running user code (no getters, no proxy traps). */
function className(value: object): string {
  let proto: unknown;
  try {
    proto = Object.getPrototypeOf(value);
  } catch {
    return 'Object';
  }
  if (proto === null) return 'Object';
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
  const ctor = descriptor && 'value' in descriptor ? descriptor.value : undefined;
  const nameDescriptor = typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name') : undefined;
  return nameDescriptor && typeof nameDescriptor.value === 'string' && nameDescriptor.value ? nameDescriptor.value : 'Object';
}

/**
 * A bounded copy of a user value that pretty-format can print without running
 * any user code: own data properties only (getters show as `[Getter]`),
 * proxies never touched, strings, keys and depth capped.
 */
export function safeCopy(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value !== 'object' && typeof value !== 'function') return value;
  if (value === null) return null;
  if (isProxy(value)) return namedShell('Proxy');
  if (typeof value === 'function') return `[Function ${functionName(value)}]`;
  if (seen.has(value)) return '[Circular]';
  const name = className(value);
  if (depth >= MAX_DEPTH) return namedShell(`${name} …`);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const length = Object.getOwnPropertyDescriptor(value, 'length')?.value as number;
      const items: unknown[] = [];
      for (let i = 0; i < Math.min(length, MAX_KEYS); i++) {
        const d = Object.getOwnPropertyDescriptor(value, i);
        items.push(d ? ('value' in d ? safeCopy(d.value, depth + 1, seen) : '[Getter]') : undefined);
      }
      if (length > MAX_KEYS) items.push(`… ${length - MAX_KEYS} more`);
      return items;
    }
    const shell = namedShell(name);
    const keys = Reflect.ownKeys(value);
    for (const key of keys.slice(0, MAX_KEYS)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (!d || !d.enumerable) continue;
      shell[typeof key === 'symbol' ? key.toString() : key] = 'value' in d ? safeCopy(d.value, depth + 1, seen) : '[Getter]';
    }
    if (keys.length > MAX_KEYS) shell['…'] = `${keys.length - MAX_KEYS} more keys`;
    return shell;
  } catch {
    return namedShell(name);
  } finally {
    seen.delete(value);
  }
}

function functionName(fn: Function): string {
  const d = Object.getOwnPropertyDescriptor(fn, 'name');
  return d && typeof d.value === 'string' ? d.value : 'anonymous';
}

/** The builtin, taken before any user code runs: a function's own `toString` may be the user's. */
const sourceOf = Function.prototype.toString;

/**
 * A leaked function reads as its name and the first line of its source
 * (`[Function anonymous] () => this._beforeUnloadHandler`): a quoted
 * `"[Function]"` tells nothing of which arrow a library keeps.
 */
function functionPreview(fn: Function): string {
  let head = '';
  try {
    head = sourceOf.call(fn).split('\n')[0]!.trim();
  } catch {
    // A revoked or exotic callable: the name alone.
  }
  if (head.length > MAX_STRING) head = `${head.slice(0, MAX_STRING)}…`;
  return head ? `[Function ${functionName(fn) || 'anonymous'}] ${head}` : `[Function ${functionName(fn) || 'anonymous'}]`;
}

/** pretty-format over a safe copy, bounded: a preview is a glimpse, never a dump. */
export function formatPreview(value: unknown): string {
  if (typeof value === 'function' && !isProxy(value)) return functionPreview(value);
  try {
    const text = format(safeCopy(value), { maxDepth: MAX_DEPTH + 1, maxWidth: MAX_KEYS, indent: 0, callToJSON: false, escapeString: false, printFunctionName: false })
      .replace(/,?\n/g, (m) => (m.startsWith(',') ? ', ' : ' '))
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/([{[]) /g, '$1')
      .replace(/ ([}\]])/g, '$1');
    return text.length > MAX_PREVIEW_CHARS ? `${text.slice(0, MAX_PREVIEW_CHARS)}…` : text;
  } catch (error) {
    return `(preview unavailable: ${error instanceof Error ? error.message : 'error'})`;
  }
}

import { inspect, types } from 'node:util';

/** Longest description of a thrown value put in a message. */
const MAX_LENGTH = 300;

function bounded(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}… (${text.length - MAX_LENGTH} more characters)` : text;
}

/**
 * The value of a data property found on `value` or its prototypes, without
 * running user code: getters are not called and a Proxy met on the way
 * stops the walk, since even looking up a descriptor on it runs a trap.
 */
function dataProperty(value: object, key: string): unknown {
  for (let current: object | null = value; current !== null; current = Object.getPrototypeOf(current) as object | null) {
    if (types.isProxy(current)) return undefined;
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (descriptor) return 'value' in descriptor ? descriptor.value : undefined;
  }
  return undefined;
}

function isErrorLike(value: object): boolean {
  // instanceof would miss errors from another vm context (a Jest test file);
  // isNativeError reads an internal slot and runs no user code.
  return types.isNativeError(value) || (!types.isProxy(value) && value instanceof Error);
}

/**
 * Describes a value code threw or rejected with, for a failure message.
 * Runs no code of the value's: no getters, no toString/toJSON/
 * Symbol.toPrimitive, no Proxy traps (a Proxy that traps everything, or a
 * revoked one, must not throw from inside memscope's message), and keeps
 * the text short whatever the value's size.
 *
 * @example
 * describeThrown(null); // 'null'
 * describeThrown('x'); // '"x"'
 * describeThrown(new TypeError('bad')); // 'TypeError: bad'
 */
export function describeThrown(value: unknown): string {
  try {
    if (typeof value === 'string') return bounded(JSON.stringify(value));
    if (typeof value !== 'object' && typeof value !== 'function') return bounded(String(value));
    if (value === null) return 'null';
    if (types.isProxy(value)) return 'a Proxy (not inspected: reading it would run its traps)';
    if (isErrorLike(value)) {
      const name = dataProperty(value, 'name');
      const message = dataProperty(value, 'message');
      const shownName = typeof name === 'string' && name !== '' ? name : 'Error';
      return bounded(typeof message === 'string' && message !== '' ? `${shownName}: ${message}` : shownName);
    }
    // util.inspect with these options reads descriptors only: no getters,
    // no custom inspect functions, and proxies shown without their traps.
    return bounded(inspect(value, { getters: false, customInspect: false, showProxy: true, depth: 2, maxArrayLength: 10, maxStringLength: 100, breakLength: Infinity }));
  } catch {
    return 'a value that could not be described';
  }
}

/**
 * The thrown value as an error `cause`, only when it is a plain Error:
 * runners print a cause with their own formatting, which would run the
 * traps of a Proxy or the getters of an odd object. Other values are
 * already described in the message.
 */
export function safeCause(value: unknown): { cause?: unknown } {
  if (typeof value !== 'object' || value === null || types.isProxy(value)) return {};
  return types.isNativeError(value) ? { cause: value } : {};
}

import type { RetainerStep } from './types.js';

/**
 * The listener lists of the DOM a component test runs in, read from JS
 * directly, without a heap snapshot.
 *
 * jsdom keeps an event target's listeners on its implementation object
 * (`target[Symbol(impl)]._eventListeners`: `{resize: [{callback,
 * options}]}`, each callback a wrapper whose `objectReference` is the
 * user's function); happy-dom on the target itself (`target[Symbol(listeners)]`:
 * `{bubbling: Map {'resize' → [fn]}, capturing: Map}`). Vitest's globals
 * are the environment's window copied onto Node's global (`window ===
 * globalThis`, its methods bound to the real window), so the real window
 * is found through the document: jsdom's `DocumentImpl._globalObject`,
 * happy-dom's `document[Symbol(window)]`.
 */

/** One event's listener list on one target. */
export interface ListenerList {
  target: object;
  /** `window`, `document`, or the element's interface (`HTMLDivElement`). */
  targetName: string;
  event: string;
  /** The list's entries as read (a copy: the environment's list goes on changing; entries compare by identity). */
  entries: readonly unknown[];
  /** From the target to the list: `window → _eventListeners → Object → resize`. */
  path: RetainerStep[];
}

/** Elements of the page whose lists are read: a component test's page is small; a huge one is left to the snapshot. */
const MAX_ELEMENTS = 2000;

const symbolNamed = (value: object, description: string): symbol | undefined => {
  for (let o: object | null = value; o !== null; o = Object.getPrototypeOf(o)) {
    const found = Object.getOwnPropertySymbols(o).find((s) => s.description === description);
    if (found) return found;
  }
  return undefined;
};

/** An own data property, never a getter (reading one could run the environment's code). */
function ownValue(value: object, key: string | symbol): unknown {
  try {
    return Object.getOwnPropertyDescriptor(value, key)?.value;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

/** jsdom's implementation object behind a wrapper, else the value itself. */
function implOf(value: object): object {
  const impl = symbolNamed(value, 'impl');
  const found = impl === undefined ? undefined : ownValue(value, impl);
  return isObject(found) ? found : value;
}

/** Where a target's listener storage hangs, and the edge name it shows under. */
function storages(target: object): { storage: unknown; edge: string }[] {
  const out: { storage: unknown; edge: string }[] = [];
  const impl = implOf(target);
  const jsdom = ownValue(impl, '_eventListeners');
  if (isObject(jsdom)) out.push({ storage: jsdom, edge: '_eventListeners' });
  const symbol = symbolNamed(target, 'listeners');
  const happy = symbol === undefined ? undefined : ownValue(target, symbol);
  if (isObject(happy)) out.push({ storage: happy, edge: '<symbol listeners>' });
  return out;
}

/** Each event's list under a storage: plain objects and Maps of arrays, nested once (happy-dom's phases). */
function listsIn(storage: unknown, path: RetainerStep[], out: { event: string; entries: unknown[]; path: RetainerStep[] }[], depth = 0): void {
  if (depth > 2 || !isObject(storage)) return;
  const kind = storage instanceof Map || Object.prototype.toString.call(storage) === '[object Map]' ? 'Map' : 'Object';
  const pairs: [unknown, unknown][] = kind === 'Map' ? [...(storage as Map<unknown, unknown>)] : Object.keys(storage).map((k) => [k, ownValue(storage, k)]);
  for (const [key, value] of pairs) {
    if (typeof key !== 'string') continue;
    const step = { node: kind, edge: key };
    if (Array.isArray(value)) out.push({ event: key, entries: [...(value as unknown[])], path: [...path, step] });
    else listsIn(value, [...path, step], out, depth + 1);
  }
}

/** The window of the environment, whichever way the runner exposes it (see above). */
function environmentWindows(scope: Record<string, unknown>): object[] {
  const found = new Set<object>();
  const window = scope.window;
  if (isObject(window)) found.add(window);
  const document = scope.document;
  if (isObject(document)) {
    const globalObject = ownValue(implOf(document), '_globalObject');
    if (isObject(globalObject)) found.add(globalObject);
    const symbol = symbolNamed(document, 'window');
    const happyWindow = symbol === undefined ? undefined : (document as Record<symbol, unknown>)[symbol];
    if (isObject(happyWindow)) found.add(happyWindow);
  }
  return [...found];
}

/** The DOM's name for a target: `window`, `document`, or its interface. */
function targetName(target: object, windows: readonly object[], document: unknown): string {
  if (windows.includes(target)) return 'window';
  if (target === document) return 'document';
  const name = (target as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name.replace(/Impl$/, '') : 'EventTarget';
}

/**
 * Every listener list of the window, the document and the page's elements;
 * empty outside a DOM environment.
 */
export function readListenerLists(scope: object = globalThis): ListenerList[] {
  const global = scope as Record<string, unknown>;
  const document = global.document;
  if (!isObject(document)) return [];
  const windows = environmentWindows(global);
  const targets: object[] = [...windows, document];
  try {
    const all = (document as { getElementsByTagName?: (tag: string) => ArrayLike<object> }).getElementsByTagName?.('*');
    if (all) for (let i = 0; i < Math.min(all.length, MAX_ELEMENTS); i++) targets.push(all[i]!);
  } catch {
    // Not a document that lists its elements.
  }
  const lists: ListenerList[] = [];
  const seenStorage = new Set<object>();
  for (const target of targets) {
    const name = targetName(target, windows, document);
    for (const { storage, edge } of storages(target)) {
      if (!isObject(storage) || seenStorage.has(storage)) continue;
      seenStorage.add(storage);
      const found: { event: string; entries: unknown[]; path: RetainerStep[] }[] = [];
      listsIn(storage, [{ node: name, edge }], found);
      for (const list of found) lists.push({ target, targetName: name, ...list });
    }
  }
  return lists;
}

/** The function a listener entry runs: jsdom's record's callback unwrapped, happy-dom's function, a `handleEvent` object's method. */
export function listenerFunction(entry: unknown): Function | undefined {
  let value: unknown = entry;
  if (isObject(value) && typeof value !== 'function') value = ownValue(value, 'callback') ?? ownValue(value, 'listener') ?? value;
  if (typeof value === 'function') {
    const user = ownValue(value, 'objectReference');
    if (isObject(user)) value = user;
  }
  if (typeof value === 'function') return value;
  if (isObject(value)) {
    const handler = (value as { handleEvent?: unknown }).handleEvent;
    if (typeof handler === 'function') return handler;
  }
  return undefined;
}

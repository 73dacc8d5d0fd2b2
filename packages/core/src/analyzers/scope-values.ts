import { types } from 'node:util';
import { connectSyncSession, type SyncSession } from '../capture/inspector-session.js';

/**
 * Functions whose closure scopes are read, the function under test first;
 * each costs four inspector commands (~0.2 ms in all).
 */
const MAX_FUNCTIONS = 32;
/** Values gathered in all; a module scope of a few hundred imports stays well under it. */
const MAX_VALUES = 5000;
/** The function under test is depth 0; functions in its scopes depth 1, whose scopes are read but not followed. */
const MAX_DEPTH = 1;

const GROUP = 'memscope-scopes';
/** The global the inspector reads a function from; set and deleted around one command. */
const HANDOFF = '__memscopeScopeHandoff';

let session: SyncSession | undefined;

interface Handoff {
  fn: unknown;
  received?: unknown;
  receive(value: unknown): void;
}

interface RemoteProperty {
  name: string;
  value?: { objectId?: string };
}

const isReference = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

/** A remote object id for `value`, read from a global the inspector's default context shares with this code. */
function remoteIds(inspector: SyncSession, handoff: Handoff): { handoff: string; fn: string } | undefined {
  const global = globalThis as Record<string, unknown>;
  global[HANDOFF] = handoff;
  try {
    const evaluate = (expression: string) =>
      inspector.post<{ result: { objectId?: string } }>('Runtime.evaluate', { expression, objectGroup: GROUP, silent: true }).result.objectId;
    const handoffId = evaluate(`globalThis.${HANDOFF}`);
    const fnId = evaluate(`globalThis.${HANDOFF}.fn`);
    return handoffId && fnId ? { handoff: handoffId, fn: fnId } : undefined;
  } finally {
    delete global[HANDOFF];
  }
}

/**
 * The scope objects of `fn`'s closure chain but the global one (its
 * `[[Scopes]]`, as the inspector shows them): each `{ description, object }`
 * with the scope's variables as `object`'s properties.
 */
function scopesOf(inspector: SyncSession, fn: object): Array<{ description?: unknown; object?: unknown }> {
  const handoff: Handoff = {
    fn,
    receive(value) {
      this.received = value;
    },
  };
  const ids = remoteIds(inspector, handoff);
  if (!ids) return [];
  const { internalProperties = [] } = inspector.post<{ internalProperties?: RemoteProperty[] }>('Runtime.getProperties', { objectId: ids.fn, ownProperties: true });
  const scopeList = internalProperties.find((p) => p.name === '[[Scopes]]')?.value?.objectId;
  if (!scopeList) return [];
  inspector.post('Runtime.callFunctionOn', {
    objectId: ids.handoff,
    functionDeclaration: 'function (value) { this.receive(value); }',
    arguments: [{ objectId: scopeList }],
  });
  const list = handoff.received;
  if (!Array.isArray(list)) return [];
  const scopes: Array<{ description?: unknown; object?: unknown }> = [];
  for (let i = 0; i < list.length; i++) {
    const scope = Reflect.getOwnPropertyDescriptor(list, i)?.value as { description?: unknown; object?: unknown } | undefined;
    if (isReference(scope) && scope.description !== 'Global') scopes.push(scope);
  }
  return scopes;
}

/** A scope's variables: data properties only, so no getter of the user's runs. */
function variablesOf(scope: { object?: unknown }): unknown[] {
  const { object } = scope;
  if (!isReference(object) || types.isProxy(object)) return [];
  const values: unknown[] = [];
  for (const key of Reflect.ownKeys(object)) {
    const slot = Reflect.getOwnPropertyDescriptor(object, key);
    if (slot && 'value' in slot && isReference(slot.value)) values.push(slot.value);
  }
  return values;
}

/**
 * The live objects the function under test reaches through its closures:
 * the variables of its scope chain (module and script scopes included, the
 * global one not) and, one level on, those of the functions among them (a
 * wrapper's scope holds the wrapped function, whose scope holds the cache).
 * Read through the inspector, with no heap walk and no user code run: a
 * leak's holder is most often here, and V8's lookup by id walks the whole
 * heap (0.1–0.3 s at 20 MB) to find it.
 *
 * Empty when the inspector cannot read the function (its code runs in
 * another context than the inspector's default one, as Jest's test files
 * do, or the inspector is in use elsewhere).
 */
export function valuesInScopesOf(fn: unknown): unknown[] {
  if (typeof fn !== 'function') return [];
  const values: unknown[] = [];
  const seen = new Set<unknown>([fn]);
  const queue: Array<{ fn: object; depth: number }> = [{ fn, depth: 0 }];
  try {
    session ??= connectSyncSession();
    for (let visited = 0; visited < queue.length && visited < MAX_FUNCTIONS && values.length < MAX_VALUES; visited++) {
      const { fn: next, depth } = queue[visited]!;
      for (const scope of scopesOf(session, next)) {
        for (const value of variablesOf(scope)) {
          if (seen.has(value) || values.length >= MAX_VALUES) continue;
          seen.add(value);
          values.push(value);
          if (typeof value === 'function' && depth < MAX_DEPTH) queue.push({ fn: value, depth: depth + 1 });
        }
      }
    }
  } catch {
    // What was gathered stands; the capture's lookup answers the rest.
  } finally {
    try {
      session?.post('Runtime.releaseObjectGroup', { objectGroup: GROUP });
    } catch {
      // Nothing was handed out.
    }
  }
  return values;
}

import { EdgeType, NodeType, type HeapIndex } from './heap-index.js';

/**
 * What a heap snapshot node was, in words, when it is not a value JavaScript
 * could hold: V8's own structures (closure contexts, code, hidden classes,
 * backing arrays) and the embedder's native objects. Read from the snapshot
 * alone, so it never touches the live heap. `undefined` for JS values
 * (objects, functions, strings, numbers, symbols, bigints): their preview is
 * the value itself.
 *
 * @example
 * describeInternalNode(index, contextNode); // 'closure context of onError, 2 variables: req, res'
 * describeInternalNode(index, sessionNode); // undefined (a JS object)
 */
export function describeInternalNode(index: HeapIndex, node: number): string | undefined {
  const name = index.name(node);
  switch (index.type(node)) {
    case NodeType.object:
      if (name === 'system / NativeContext') return 'global context of a realm';
      if (CONTEXT_NAME.test(name)) return describeContext(index, node);
      return SYSTEM_PREFIX.test(name) ? systemText(name) : undefined;
    case NodeType.array:
      return describeArray(index, node, name);
    case NodeType.code:
      return describeCode(name);
    case NodeType.objectShape:
      return SYSTEM_PREFIX.test(name) ? systemText(name) : `hidden class ${name}`.trim();
    case NodeType.hidden:
      // A Proxy is a JS value the snapshot files with V8's internals.
      if (name === 'system / JSProxy') return undefined;
      return SYSTEM_PREFIX.test(name) ? systemText(name) : `V8 internal: ${name || 'unnamed'}`;
    case NodeType.native:
      return describeNative(name);
    case NodeType.synthetic:
      return `V8 root group ${name}`;
    default:
      return undefined;
  }
}

const SYSTEM_PREFIX = /^system \/ /;
const CONTEXT_NAME = /^system \/ (\w*)Context$/;
const MAX_NAMES = 4;

/** V8 class names a reader may meet in a finding, in the words of the language. */
const SYSTEM_WORDS: Record<string, string> = {
  Map: 'hidden class (V8 Map)',
  DescriptorArray: 'property layout of a hidden class',
  PropertyArray: 'out-of-object property store',
  ScopeInfo: 'scope description of a function',
  BytecodeArray: 'bytecode of a function',
  FeedbackCell: 'type feedback cell',
  FeedbackVector: 'type feedback of a function',
  AccessorPair: 'getter/setter pair',
  PropertyCell: 'global property cell',
  Oddball: 'V8 constant (the hole, undefined or another marker)',
  NativeContext: 'global context of a realm',
  JSArrayBufferData: 'ArrayBuffer backing store',
};

/** `system / FunctionTemplateInfo` → `V8 internal: function template info`. */
function systemText(name: string): string {
  const kind = name.replace(SYSTEM_PREFIX, '');
  const words = kind.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return SYSTEM_WORDS[kind] ?? `V8 internal: ${words.replace(/\b[A-Z][a-z]+\b/g, (word) => word.toLowerCase())}`;
}

/** A function's code, or one of its parts: `(source position table)`, `(code for onError)`. */
function describeCode(name: string): string {
  if (SYSTEM_PREFIX.test(name)) return systemText(name);
  if (!name) return 'code';
  if (name.startsWith('(')) return `code: ${name.slice(1, name.endsWith(')') ? -1 : undefined)}`;
  return `code of ${name}()`;
}

/** V8's internal arrays: an object's elements or properties, bound arguments, a hash table. */
function describeArray(index: HeapIndex, node: number, name: string): string {
  const { edgeStart, edgeTypes } = index.graph;
  let slots = 0;
  for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
    if (edgeTypes[e] !== EdgeType.weak && index.edgeLabel(e) !== 'map') slots++;
  }
  const size = `array of ${slots} ${slots === 1 ? 'element' : 'elements'}`;
  const kind = name.replace(/^\(|\)$/g, '');
  return kind ? `${size} (${kind})` : size;
}

/** Embedder objects: Node's C++ side (`Node / TCPWrap`) and backing stores. */
function describeNative(name: string): string {
  if (SYSTEM_PREFIX.test(name)) return systemText(name);
  const node = /^Node \/ (.+)$/.exec(name);
  return node ? `native Node object ${node[1]}` : `native object ${name || 'unnamed'}`;
}

/**
 * `closure context of onError, 2 variables: req, res`: the functions whose
 * scope chain holds the context (a closure's `context` edge points to its
 * innermost scope; outer scopes hang off `previous`), and the variables it
 * keeps alive. Variables holding small integers are not in the snapshot.
 */
function describeContext(index: HeapIndex, node: number): string {
  const variables = contextVariables(index, node);
  const closures = closuresOver(index, node);
  const owner = closures.length ? `closure context of ${nameList(closures)}` : 'closure context';
  if (!variables.length) return owner;
  const count = `${variables.length} ${variables.length === 1 ? 'variable' : 'variables'}`;
  return `${owner}, ${count}: ${variables.slice(0, MAX_NAMES).join(', ')}${variables.length > MAX_NAMES ? ', …' : ''}`;
}

/**
 * Names of the variables a context holds. V8 names most with `context`
 * edges; some contexts get hidden edges `[i]` only, and their ScopeInfo
 * holds the i-th name as its own hidden edge `[i]` (as in retainer-path.ts).
 */
export function contextVariables(index: HeapIndex, context: number): string[] {
  const { edgeStart, edgeTypes, edgeNames, edgeTargets, strings } = index.graph;
  const names: string[] = [];
  let scopeInfo = -1;
  for (let e = edgeStart[context]!; e < edgeStart[context + 1]!; e++) {
    if (edgeTypes[e] === EdgeType.context) names.push(strings[edgeNames[e]!] ?? '?');
    else if (edgeTypes[e] === EdgeType.internal && strings[edgeNames[e]!] === 'scope_info') scopeInfo = edgeTargets[e]!;
  }
  for (let e = edgeStart[context]!; e < edgeStart[context + 1]!; e++) {
    if (edgeTypes[e] !== EdgeType.hidden) continue;
    const slotName = scopeInfo < 0 ? '' : hiddenSlotName(index, scopeInfo, edgeNames[e]!);
    names.push(slotName || `[${edgeNames[e]!}]`);
  }
  return names;
}

function hiddenSlotName(index: HeapIndex, scopeInfo: number, slot: number): string {
  const { edgeStart, edgeTypes, edgeNames, edgeTargets } = index.graph;
  for (let e = edgeStart[scopeInfo]!; e < edgeStart[scopeInfo + 1]!; e++) {
    if (edgeTypes[e] === EdgeType.hidden && edgeNames[e] === slot) return index.name(edgeTargets[e]!);
  }
  return '';
}

/** How many scopes inward to look for the closures: a function scope, a block or two, a catch. */
const MAX_INNER_SCOPES = 4;

/**
 * The closures whose scope chain includes `context`, those of the nearest
 * scopes first: the ones that keep it alive.
 * The snapshot keeps forward edges only, so each step inward is one pass
 * over the edges: a few passes for the one node a finding previews.
 */
export function closuresOver(index: HeapIndex, context: number): string[] {
  const { nodeCount, edgeStart, edgeTargets } = index.graph;
  const names = new Set<string>();
  let scopes = new Set([context]);
  for (let depth = 0; depth < MAX_INNER_SCOPES && scopes.size; depth++) {
    const inner = new Set<number>();
    for (let from = 0; from < nodeCount; from++) {
      for (let e = edgeStart[from]!; e < edgeStart[from + 1]!; e++) {
        if (!scopes.has(edgeTargets[e]!)) continue;
        const label = index.edgeLabel(e);
        if (label === 'context' && index.type(from) === NodeType.closure) names.add(index.name(from) || 'an anonymous function');
        else if (label === 'previous' && CONTEXT_NAME.test(index.name(from))) inner.add(from);
      }
    }
    scopes = inner;
  }
  return [...names];
}

/** `onError`, `onError and onData`, `onError, onData and 3 more`. */
function nameList(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} more`;
}

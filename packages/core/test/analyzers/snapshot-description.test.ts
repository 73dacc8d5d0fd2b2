import { beforeAll, describe, expect, it } from 'vitest';
import { heapGraph } from '../capture/graph-helpers.js';
import type { Capture } from '../../src/capture/types.js';
import { EdgeType, HeapIndex, NodeType } from '../../src/analyzers/heap-index.js';
import { closuresOver, contextVariables, describeInternalNode } from '../../src/analyzers/snapshot-description.js';
import { previewObject } from '../../src/analyzers/preview.js';
import { captureFactories as factories } from '../support/capture-factories.js';


const { context, element, property, internal, hidden } = EdgeType;
const CONTEXT = 'system / Context';

/**
 * What V8 writes for `function handle(req, res) { let count; for (const
 * attempt of …) emitter.on('error', function onError() { … }) }`: the
 * listener's `context` is the loop's block scope, whose `previous` is the
 * function's scope. The block names its variable through its ScopeInfo (a
 * hidden slot), the function scope through `context` edges.
 */
function listenerScopes(): { index: HeapIndex; node: (key: string) => number } {
  const nodes: NodeSpec[] = [
    { name: '(root)', type: NodeType.synthetic, edges: [[element, 1, 'emitter']] },
    { key: 'emitter', name: 'EventEmitter', type: NodeType.object, edges: [[property, '_events', 'listeners']] },
    { key: 'listeners', name: 'Array', type: NodeType.object, edges: [[element, 0, 'onError'], [element, 1, 'onClose']] },
    { key: 'onError', name: 'onError', type: NodeType.closure, edges: [[internal, 'context', 'block'], [internal, 'shared', 'onError code'], [internal, 'map', 'map']] },
    { key: 'onClose', name: 'onClose', type: NodeType.closure, edges: [[internal, 'context', 'function scope']] },
    { key: 'block', name: CONTEXT, type: NodeType.object, edges: [[hidden, 0, 'attempt value'], [internal, 'scope_info', 'block scope info'], [internal, 'previous', 'function scope'], [internal, 'map', 'map']] },
    {
      key: 'function scope',
      name: CONTEXT,
      type: NodeType.object,
      edges: [[context, 'req', 'req'], [context, 'res', 'res'], [context, 'count', 'count'], [internal, 'previous', 'module scope'], [internal, 'map', 'map']],
    },
    { key: 'module scope', name: CONTEXT, type: NodeType.object, edges: [[internal, 'map', 'map']] },
    { key: 'block scope info', name: 'system / ScopeInfo', type: NodeType.code, edges: [[hidden, 0, 'attempt']] },
    { key: 'attempt', name: 'attempt', type: NodeType.string },
    { key: 'attempt value', name: 'Object', type: NodeType.object },
    { key: 'req', name: 'IncomingMessage', type: NodeType.object },
    { key: 'res', name: 'ServerResponse', type: NodeType.object },
    { key: 'count', name: 'heap number', type: NodeType.number },
    { key: 'onError code', name: 'onError', type: NodeType.code },
    { key: 'map', name: 'system / Map', type: NodeType.objectShape },
  ];
  const index = new HeapIndex(heapGraph(nodes));
  return { index, node: (key) => nodes.findIndex((spec) => (spec.key ?? spec.name) === key) };
}

describe('describeInternalNode on a closure context', () => {
  const { index, node } = listenerScopes();

  it('names the closures that close over it and the variables it holds', () => {
    expect(describeInternalNode(index, node('function scope'))).toBe('closure context of onClose and onError, 3 variables: req, res, count');
  });

  it("reads a block scope's variable names from its ScopeInfo", () => {
    expect(contextVariables(index, node('block'))).toEqual(['attempt']);
    expect(describeInternalNode(index, node('block'))).toBe('closure context of onError, 1 variable: attempt');
  });

  it('finds the closures through inner scopes, nearest first', () => {
    expect(closuresOver(index, node('module scope'))).toEqual(['onClose', 'onError']);
    expect(describeInternalNode(index, node('module scope'))).toBe('closure context of onClose and onError');
  });

  it('says no more than it knows when no closure is left and no variable is in the heap', () => {
    const lone = new HeapIndex(heapGraph([{ name: '(root)', type: NodeType.synthetic }, { name: CONTEXT, type: NodeType.object }]));
    expect(describeInternalNode(lone, 1)).toBe('closure context');
  });

  it('lists at most four variables and two closures', () => {
    const variables = ['a', 'b', 'c', 'd', 'e', 'f'];
    const closures = ['one', 'two', 'three', 'four'];
    const many = new HeapIndex(
      heapGraph([
        { name: '(root)', type: NodeType.synthetic },
        { key: 'scope', name: CONTEXT, type: NodeType.object, edges: variables.map((v) => [context, v, 'value'] as [number, string, string]) },
        ...closures.map((name) => ({ name, type: NodeType.closure, edges: [[internal, 'context', 'scope']] as NodeSpec['edges'] })),
        { key: 'value', name: 'Object', type: NodeType.object },
      ]),
    );
    expect(describeInternalNode(many, 1)).toBe('closure context of one, two and 2 more, 6 variables: a, b, c, d, …');
  });
});

describe('describeInternalNode on the rest of V8 and on JS values', () => {
  const { index, node } = listenerScopes();

  it('leaves JS values to the live preview', () => {
    for (const key of ['emitter', 'listeners', 'onError', 'attempt', 'req', 'count']) expect(describeInternalNode(index, node(key)), key).toBeUndefined();
    const proxy = new HeapIndex(heapGraph([{ name: '(root)', type: NodeType.synthetic }, { name: 'system / JSProxy', type: NodeType.hidden }]));
    expect(describeInternalNode(proxy, 1)).toBeUndefined();
  });

  const describedAs = (type: number, name: string) => describeInternalNode(new HeapIndex(heapGraph([{ name: '(root)', type: NodeType.synthetic }, { name, type }])), 1);

  it.each([
    ['onError', 'code of onError()'],
    ['(source position table)', 'code: source position table'],
    ['(ArrayPrototypePush builtin handle)', 'code: ArrayPrototypePush builtin handle'],
    ['system / ScopeInfo', 'scope description of a function'],
    ['', 'code'],
  ])('describes a code node named %j as %j', (name, text) => {
    expect(describedAs(NodeType.code, name)).toBe(text);
  });

  it.each([
    [NodeType.objectShape, 'system / Map', 'hidden class (V8 Map)'],
    [NodeType.hidden, 'system / FunctionTemplateInfo', 'V8 internal: function template info'],
    [NodeType.hidden, 'system / JSArrayBufferData', 'ArrayBuffer backing store'],
    [NodeType.hidden, 'system / NativeContext', 'global context of a realm'],
    [NodeType.hidden, 'private symbol', 'V8 internal: private symbol'],
    [NodeType.object, 'system / NativeContext', 'global context of a realm'],
  ])("describes V8's own structure, a %s node named %j, as %j", (type, name, text) => {
    expect(describedAs(type, name)).toBe(text);
  });

  it.each([
    [NodeType.native, 'Node / TCPWrap', 'native Node object TCPWrap'],
    [NodeType.synthetic, '(GC roots)', 'V8 root group (GC roots)'],
  ])('describes a %s node named %j as %j', (type, name, text) => {
    expect(describedAs(type, name)).toBe(text);
  });

  it('counts the slots of an internal array, not its hidden class', () => {
    const slots = Array.from({ length: 40 }, (_, i) => [element, i, 'value'] as [number, number, string]);
    const array = new HeapIndex(
      heapGraph([
        { name: '(root)', type: NodeType.synthetic },
        { name: '(object elements)', type: NodeType.array, edges: [...slots, [internal, 'map', 'map']] },
        { key: 'value', name: 'Object', type: NodeType.object },
        { key: 'map', name: 'system / Map', type: NodeType.objectShape },
      ]),
    );
    expect(describeInternalNode(array, 1)).toBe('array of 40 elements (object elements)');
  });
});

describe('previewObject with the snapshot', () => {
  const { index, node } = listenerScopes();

  it('describes a closure context without looking it up', () => {
    const lookups: number[] = [];
    const preview = previewObject(index.id(node('function scope')), 0, {}, (id) => lookups.push(id), { index, node: node('function scope') });
    expect(preview).toBe('closure context of onClose and onError, 3 variables: req, res, count');
    expect(lookups).toEqual([]);
  });

  it('looks up and prints a JS value', () => {
    const request = { url: '/orders' };
    const preview = previewObject(index.id(node('req')), 0, {}, (id) => (id === index.id(node('req')) ? request : undefined), { index, node: node('req') });
    expect(preview).toBe('Object {"url": "/orders"}');
  });
});

// The same description from real snapshots, on both capture paths.

function makeTimeoutHandler(path: string) {
  const request = { path, headers: { accept: 'text/plain' } };
  const response = { status: 504 };
  return function onTimeout() {
    return `${request.path} ${response.status}`;
  };
}
const handler = makeTimeoutHandler('/orders');

describe.each(factories)('on a %s capture snapshot', (_path, factory) => {
  let index: HeapIndex;
  let capture: Capture;
  beforeAll(async () => {
    capture = await factory();
    index = new HeapIndex(capture.heapGraph());
  });

  it("describes a real closure's context by the closure's name and its variables", () => {
    const closure = index.indexOfId(capture.objectId(handler));
    const { edgeStart, edgeTargets } = index.graph;
    let scope = -1;
    for (let e = edgeStart[closure]!; e < edgeStart[closure + 1]!; e++) if (index.edgeLabel(e) === 'context') scope = edgeTargets[e]!;
    expect(describeInternalNode(index, scope)).toMatch(/^closure context of onTimeout, 2 variables: (request, response|response, request)$/);
    expect(describeInternalNode(index, closure)).toBeUndefined();
  });
});

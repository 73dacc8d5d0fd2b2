import { describe, expect, it } from 'vitest';
import { attachedToDocument, domSubtreeNodes } from '../../src/analyzers/dom-targets.js';
import { EdgeType, HeapIndex, NodeType } from '../../src/analyzers/heap-index.js';
import { heapGraph, type NodeSpec } from '../capture/graph-helpers.js';

const { object } = NodeType;
const { property } = EdgeType;
const TREE = '<symbol DOM SymbolTree>';

/**
 * jsdom's shape: each element's implementation keeps a symbol-tree node
 * with parent, sibling and child links. A body holds two panels, each a
 * <section> with an <h2> and a <p>; `detached` unhooks the panels from the body.
 */
function page(detached: boolean): NodeSpec[] {
  const element = (key: string, name: string, links: Array<[string, string]>): NodeSpec[] => [
    { key, name, type: object, edges: [[property, TREE, `${key}.tree`]] },
    { key: `${key}.tree`, name: 'SymbolTreeNode', type: object, edges: links.map(([edge, to]) => [property, edge, to] as [number, string, string]) },
  ];
  const up = (parent: string): Array<[string, string]> => (detached && parent === 'body' ? [] : [['parent', parent]]);
  return [
    { name: '(root)', type: NodeType.synthetic, edges: [[property, 'doc', 'doc']] },
    { key: 'doc', name: 'DocumentImpl', type: object, edges: [[property, TREE, 'doc.tree']] },
    { key: 'doc.tree', name: 'SymbolTreeNode', type: object, edges: [[property, 'firstChild', 'body']] },
    ...element('body', 'HTMLBodyElementImpl', [['parent', 'doc'], ['firstChild', 'one'], ['lastChild', 'two']]),
    ...element('one', 'HTMLElementImpl', [...up('body'), ['nextSibling', 'two'], ['firstChild', 'one.h2'], ['lastChild', 'one.p']]),
    ...element('one.h2', 'HTMLHeadingElementImpl', [['parent', 'one'], ['nextSibling', 'one.p']]),
    ...element('one.p', 'HTMLParagraphElementImpl', [['parent', 'one'], ['previousSibling', 'one.h2']]),
    ...element('two', 'HTMLElementImpl', [...up('body'), ['previousSibling', 'one'], ['firstChild', 'two.h2'], ['lastChild', 'two.p']]),
    ...element('two.h2', 'HTMLHeadingElementImpl', [['parent', 'two'], ['nextSibling', 'two.p']]),
    ...element('two.p', 'HTMLParagraphElementImpl', [['parent', 'two'], ['previousSibling', 'two.h2']]),
  ];
}

const indexOf = (nodes: NodeSpec[], key: string) => nodes.findIndex((n) => (n.key ?? n.name) === key);

describe('domSubtreeNodes', () => {
  it("counts the panel and its children, never its sibling panel's nodes or its parent's", () => {
    const nodes = page(false);
    const index = new HeapIndex(heapGraph(nodes));
    expect(domSubtreeNodes(index, indexOf(nodes, 'one'), () => true)).toBe(3);
    expect(domSubtreeNodes(index, indexOf(nodes, 'two'), () => true)).toBe(3);
  });
});

describe('attachedToDocument', () => {
  it('follows the parent links up to the document', () => {
    const nodes = page(false);
    expect(attachedToDocument(new HeapIndex(heapGraph(nodes)), indexOf(nodes, 'two.p'))).toBe(true);
  });

  it('calls a panel without a parent detached, and its children with it', () => {
    const nodes = page(true);
    const index = new HeapIndex(heapGraph(nodes));
    expect(attachedToDocument(index, indexOf(nodes, 'one'))).toBe(false);
    expect(attachedToDocument(index, indexOf(nodes, 'one.h2'))).toBe(false);
  });

  it('cannot tell without any tree structure', () => {
    const nodes: NodeSpec[] = [{ name: '(root)', type: NodeType.synthetic, edges: [[property, 'x', 'x']] }, { key: 'x', name: 'HTMLDivElement', type: object }];
    expect(attachedToDocument(new HeapIndex(heapGraph(nodes)), 1)).toBeUndefined();
  });
});

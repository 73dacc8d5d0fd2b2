import type { RetainerStep } from './types.js';
import { EdgeType, NodeType, type HeapIndex } from './heap-index.js';

/**
 * The DOM as jsdom and happy-dom build it in the heap, in the words of the
 * person who wrote the component.
 *
 * jsdom keeps each event target's listeners on its implementation object
 * (`Window → <symbol impl> → EventTargetImpl → _eventListeners → {resize:
 * [records]}`); happy-dom on the target itself (`Window → <symbol
 * listeners> → {bubbling: Map {'resize' → [listeners]}}`). Both reach the
 * window from the realm's global through the environment's own objects
 * (`global → jsdom → JSDOM → <symbol window> → Window`), which say nothing
 * to the user.
 */

/** Edges under which jsdom and happy-dom keep an event target's listeners. */
export const DOM_LISTENERS_EDGE = /^(_eventListeners|<symbol listeners>|Symbol\(listeners\)|<symbol listenerOptions>|Symbol\(listenerOptions\))$/;

/** The edge from a jsdom wrapper to its implementation object. */
const IMPL_EDGE = /^(<symbol impl>|Symbol\(impl\)|Symbol\(wrapper\)|<symbol wrapper>)$/;

/** A window object of either environment: jsdom's `Window`, happy-dom's `Window`, `GlobalWindow`, `BrowserWindow`. */
const WINDOW_NODE = /^(Window|GlobalWindow|BrowserWindow|DetachedWindowAPI)$/;

/**
 * The name a user gives an event target: `window`, `document`, or the
 * element's interface (`HTMLDivElement`). jsdom's implementation objects
 * end in `Impl`; its window's is a bare `EventTargetImpl`, reached from
 * the `Window` wrapper.
 */
export function domTargetName(label: string, reachedFrom?: string): string | undefined {
  if (WINDOW_NODE.test(label) || (label === 'EventTargetImpl' && reachedFrom !== undefined && WINDOW_NODE.test(reachedFrom))) return 'window';
  const name = label.replace(/Impl$/, '');
  if (/^(HTML|XML)?Document$/.test(name)) return 'document';
  if (/^(HTML|SVG|MathML)\w*Element$|^(Element|Text|Comment|DocumentFragment|ShadowRoot)$/.test(name)) return name;
  return undefined;
}

/**
 * A path shown from the window when it runs through one and no variable of
 * the user's lies past it (`window → _eventListeners → …`), with jsdom's
 * wrapper-to-implementation hops folded into the wrapper.
 */
export function fromDomWindow(steps: RetainerStep[], holderAt: number): RetainerStep[] | undefined {
  let windowAt = -1;
  for (let i = Math.min(holderAt, steps.length - 1); i >= 0; i--) {
    if (WINDOW_NODE.test(steps[i]!.node)) {
      windowAt = i;
      break;
    }
  }
  if (windowAt < 0) return undefined;
  const userVariablePast = steps.slice(windowAt + 1, holderAt + 1).some((s) => (s.node === '(module)' || s.node === '(closure)') && s.edge !== undefined);
  if (userVariablePast) return undefined;
  const shown = steps.slice(windowAt).map((step, i) => (i === 0 ? { ...step, node: 'window' } : step));
  return withoutImplHops(shown);
}

/** `Window → <symbol impl> → EventTargetImpl → _eventListeners` reads `window → _eventListeners`. */
export function withoutImplHops(steps: readonly RetainerStep[]): RetainerStep[] {
  const out: RetainerStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next = steps[i + 1];
    if (step.edge !== undefined && IMPL_EDGE.test(step.edge) && next) {
      out.push({ ...next, node: step.node });
      i++;
      continue;
    }
    out.push(step);
  }
  return out;
}

/** A DOM node's class in either environment: jsdom's wrapper or implementation, happy-dom's object. */
const DOM_NODE_CLASS = /^(HTML|SVG)\w*Element(Impl)?$|^(Element|Text|Comment|DocumentFragment)(Impl)?$/;
const ELEMENT_CLASS = /^(HTML|SVG)(\w*)Element(Impl)?$/;
/** Interfaces whose tag is not their name lowercased. */
const TAGS: Record<string, string> = {
  Anchor: 'a', Paragraph: 'p', Image: 'img', UList: 'ul', OList: 'ol', LI: 'li', DList: 'dl', TableRow: 'tr', TableCell: 'td',
  TableSection: 'tbody', TableCaption: 'caption', Heading: 'h1', Quote: 'blockquote', Mod: 'ins', '': 'element',
};

/** Whether a heap class is a DOM node of jsdom or happy-dom. */
export function isDomNodeClass(name: string): boolean {
  return DOM_NODE_CLASS.test(name);
}

/** `<div>` for HTMLDivElement(Impl), `<a>` for HTMLAnchorElement; undefined for anything else. */
export function domTag(name: string): string | undefined {
  const match = ELEMENT_CLASS.exec(name);
  if (!match) return undefined;
  const interfaceName = match[2]!;
  return `<${TAGS[interfaceName] ?? interfaceName.toLowerCase()}>`;
}

/** A path that goes through the document: the node is part of the page, not detached from it. */
export function inDocument(steps: readonly RetainerStep[]): boolean {
  return steps.some((step) => /^(HTML|XML)?Document(Impl)?$/.test(step.node) && step.edge !== undefined && !/^(_?ownerDocument|<symbol ownerDocument>)$/.test(step.edge));
}

/** Where jsdom (on the implementation) and happy-dom keep an element's tag name. */
const LOCAL_NAME_EDGE = /^(_localName|<symbol localName>|Symbol\(localName\)|<symbol tagName>|Symbol\(tagName\))$/;

/** `<section>`: the element's own tag name, which its class does not tell (a section is an HTMLElement). */
export function localNameOf(index: HeapIndex, element: number): string | undefined {
  const impl = index.edgeTo(element, IMPL_EDGE);
  for (const node of [element, impl]) {
    if (node < 0) continue;
    const name = index.edgeTo(node, LOCAL_NAME_EDGE, NodeType.string);
    if (name >= 0) return `<${index.name(name).toLowerCase()}>`;
  }
  return undefined;
}

/**
 * Links that lead out of a node's subtree: up to its parent, its document,
 * its window, its shadow host. jsdom keeps the tree in symbol-tree nodes
 * (`<symbol DOM SymbolTree>` → {parent, previousSibling, nextSibling,
 * firstChild, lastChild}), happy-dom in `<symbol parentNode>` and child arrays.
 */
const UP_EDGE = /parent|owner|window|document|global|host|root|defaultView/i;
/** Links to the next and previous node: inside a subtree they lead to its other children, from its root out of it. */
const SIBLING_EDGE = /sibling|^(next|previous)/i;
/** The edges the tree itself hangs on: a root that has them but no parent is out of any document. */
const TREE_EDGE = /^(<symbol DOM SymbolTree>|Symbol\(DOM SymbolTree\)|<symbol nodeArray>|Symbol\(nodeArray\)|<symbol childNodes>|childNodes)$/;
const PARENT_EDGE = /^(parent|parentNode|_parent|<symbol parentNode>|Symbol\(parentNode\))$/;
const DOCUMENT_NODE = /^(HTML|XML)?Document(Impl)?$/;

/** Nodes walked at most for one subtree or one way up. */
const WALK_LIMIT = 5000;

/**
 * How many DOM nodes the subtree under `root` holds, counting only nodes
 * `counts` accepts (those made in the measured calls). Walks down from the
 * root: never up to a parent or the document, and never to the root's own
 * siblings (a list's other panels are theirs, not this one's); jsdom's
 * implementation objects are counted, not their wrappers as well.
 */
export function domSubtreeNodes(index: HeapIndex, root: number, counts: (node: number) => boolean): number {
  const { edgeStart, edgeTargets, edgeTypes } = index.graph;
  const seen = new Set<number>([root]);
  const queue: [number, boolean][] = [[root, true]];
  let wrappers = 0;
  let impls = 0;
  while (queue.length > 0 && seen.size < WALK_LIMIT) {
    const [node, atRoot] = queue.pop()!;
    const name = index.name(node);
    if (isDomNodeClass(name)) name.endsWith('Impl') ? impls++ : wrappers++;
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      const to = edgeTargets[e]!;
      if (edgeTypes[e] === EdgeType.weak || seen.has(to) || !counts(to)) continue;
      const label = index.edgeLabel(e);
      if (UP_EDGE.test(label) || (atRoot && SIBLING_EDGE.test(label))) continue;
      seen.add(to);
      // Another DOM node than the root's own wrapper or implementation: inside the subtree now.
      queue.push([to, atRoot && (IMPL_EDGE.test(label) || !isDomNodeClass(index.name(to)))]);
    }
  }
  return Math.max(1, impls > 0 ? impls : wrappers);
}

/**
 * Whether the node hangs in a document, read from the tree's own parent
 * links (jsdom's symbol-tree nodes, happy-dom's parentNode); undefined when
 * the node shows no tree structure to read.
 */
export function attachedToDocument(index: HeapIndex, node: number): boolean | undefined {
  const { edgeStart, edgeTargets } = index.graph;
  const seen = new Set<number>([node]);
  const queue = [node];
  let structure = false;
  while (queue.length > 0 && seen.size < WALK_LIMIT) {
    const at = queue.shift()!;
    if (DOCUMENT_NODE.test(index.name(at))) return true;
    for (let e = edgeStart[at]!; e < edgeStart[at + 1]!; e++) {
      const label = index.edgeLabel(e);
      const tree = TREE_EDGE.test(label);
      structure ||= tree;
      if (!(tree || PARENT_EDGE.test(label) || IMPL_EDGE.test(label))) continue;
      const to = edgeTargets[e]!;
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return structure ? false : undefined;
}

/** Where an element keeps its children: jsdom's tree record (linked to the first child, which links to the next), happy-dom's child array. */
const CHILD_STORAGE = /^(SymbolTreeNode|Array)$/;

/**
 * The element whose children grow, when the holder of a group is where an
 * element keeps its children (jsdom: `<div>` → `<symbol DOM SymbolTree>` →
 * SymbolTreeNode → firstChild → …; happy-dom: `<div>` → `<symbol nodeArray>`
 * → Array): the user knows the element, not its storage. `at` is the
 * storage's place on the path; the element is the node before it, or
 * jsdom's wrapper before that when there is one (the variable that holds
 * the element names the wrapper).
 */
export function childStorageElement(index: HeapIndex, nodes: readonly number[], edges: readonly number[], at: number): { label: string; elementAt: number } | undefined {
  if (at < 1 || !CHILD_STORAGE.test(index.name(nodes[at]!)) || !TREE_EDGE.test(index.edgeLabel(edges[at - 1]!))) return undefined;
  const impl = nodes[at - 1]!;
  const label = localNameOf(index, impl) ?? domTag(index.name(impl)) ?? (DOCUMENT_NODE.test(index.name(impl)) ? 'document' : undefined);
  if (!label) return undefined;
  const wrapped = at >= 2 && IMPL_EDGE.test(index.edgeLabel(edges[at - 2]!));
  return { label, elementAt: wrapped ? at - 2 : at - 1 };
}

/** jsdom's links between tree records: an element reached through one is held by its parent or sibling, not by a variable. */
export const TREE_LINK_NAME = /^(parent|firstChild|lastChild|nextSibling|previousSibling)$/;

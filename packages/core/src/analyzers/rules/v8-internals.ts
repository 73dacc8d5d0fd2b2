import { NodeType } from '../heap-index.js';
import type { LeakFilterRule } from './types.js';

const INTERNAL_NAMES = /^system \/ (?!Context)|^\(compiled code\)|^\(code|^\(feedback|^\(shared function info|^\(map descriptors|^\(transition|^\(prototype info|^\(object properties\)$|^\(scope info|^\(bytecode/;

export const v8Internals: LeakFilterRule = {
  name: 'v8-internals',
  why: 'Compiled code, feedback cells, shared function infos, hidden classes and other V8 bookkeeping grow with JIT tiering, not with user data.',
  excludesNode(index, node) {
    const type = index.type(node);
    if (type === NodeType.code || type === NodeType.objectShape || type === NodeType.synthetic) return true;
    if (type === NodeType.hidden || type === NodeType.array || type === NodeType.object) return INTERNAL_NAMES.test(index.name(node));
    // Embedder (Node.js C++) objects carry hash-based ids, not allocation-ordered ones.
    if (type === NodeType.native && index.name(node).startsWith('Node / ')) return true;
    return false;
  },
};

import { NodeType, type HeapIndex } from './heap-index.js';

/**
 * What a bound function stands for. V8 names every bound function
 * `native_bind`; the function it runs is its `bound_function`. Node's
 * `emitter.once(type, fn)` files a bound `onceWrapper` whose own `listener`
 * property is `fn`: the function the user's code handed over.
 */
export interface BoundFunction {
  /** The closure the user's code wrote: once()'s listener, else bind()'s target. */
  runs: number;
  /** True when made by once() (made where `runs` is passed), false when by an explicit bind(). */
  byOnce: boolean;
}

/** The bound function's target and how it was made, or undefined when `node` is not a bound function. */
export function boundFunction(index: HeapIndex, node: number): BoundFunction | undefined {
  if (index.type(node) !== NodeType.closure) return undefined;
  const target = index.edgeTo(node, /^bound_function$/, NodeType.closure);
  if (target < 0) return undefined;
  const listener = index.edgeTo(node, /^listener$/, NodeType.closure);
  if (listener >= 0 && index.name(target) === 'onceWrapper') return { runs: listener, byOnce: true };
  return { runs: target, byOnce: false };
}

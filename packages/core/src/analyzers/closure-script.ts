import { NodeType, type HeapIndex } from './heap-index.js';

/** The file that defines a closure: closure → shared → script_or_debug_info, whose name is the script's URL. */
export function closureScript(index: HeapIndex, node: number): string | undefined {
  if (index.type(node) !== NodeType.closure) return undefined;
  const shared = index.edgeTo(node, /^shared$/);
  const script = shared < 0 ? -1 : index.edgeTo(shared, /^script_or_debug_info$/);
  const name = script < 0 ? '' : index.name(script);
  return /[\\/]/.test(name) ? name : undefined;
}

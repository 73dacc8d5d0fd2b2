import { closureScript } from '../closure-script.js';
import { EdgeType, NodeType, type HeapIndex } from '../heap-index.js';
import { scopeVariable } from '../retainer-path.js';
import type { LeakFilterRule } from './types.js';

/**
 * Testing Library's React `render()` (checked on @testing-library/react
 * 16.x) appends a container `<div>` to `document.body` and files it, with
 * its React root, in two module variables, `mountedContainers` (a Set) and
 * `mountedRootEntries` (an array of `{ container, root }`). The `unmount()`
 * that `render()` returns only unmounts the root; `cleanup()`, which runs
 * after every test, removes the containers and empties both. A test that
 * calls `render()` then `unmount()` per call grows by one container and
 * one root per call (75 KiB on React 19's development build) until the
 * test ends: Testing Library's, not the component's.
 *
 * Svelte's Testing Library (checked on @testing-library/svelte 5.4 with
 * @testing-library/svelte-core 1.1) does the same with one module Set,
 * `cleanupTasks`: `render()` appends a container `<div>` to the body and
 * files a closure that removes it; `unmount()` takes back only its own
 * task, so the container's closure stays until `cleanup()`.
 */
const SET_VARIABLE = /^mountedContainers$/;
const ENTRIES_VARIABLE = /^mountedRootEntries$/;
const SVELTE_TASKS_VARIABLE = /^cleanupTasks$/;
const SVELTE_TESTING_LIBRARY = /[\\/]@testing-library[\\/]svelte(-core)?[\\/]/;

/** Per heap index: the containers, roots and entries Testing Library keeps until cleanup(). */
const keptByIndex = new WeakMap<HeapIndex, Set<number>>();

function keptUntilCleanup(index: HeapIndex): Set<number> {
  let kept = keptByIndex.get(index);
  if (kept) return kept;
  kept = new Set();
  const { nodeCount, edgeStart, edgeTargets, edgeTypes } = index.graph;
  const strongTargets = (node: number) => {
    const targets: number[] = [];
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) if (edgeTypes[e] !== EdgeType.weak) targets.push(edgeTargets[e]!);
    return targets;
  };
  for (let node = 0; node < nodeCount; node++) {
    if (index.name(node) !== 'system / Context') continue;
    keepSvelteCleanupTasks(index, node, strongTargets, kept);
    // Testing Library's module scope holds both variables; a user's variable of one name alone is not it.
    const set = scopeVariable(index.graph, node, SET_VARIABLE);
    const entries = scopeVariable(index.graph, node, ENTRIES_VARIABLE);
    if (set < 0 || entries < 0 || index.name(set) !== 'Set' || index.name(entries) !== 'Array') continue;
    const table = index.edgeTo(set, /^table$/);
    if (table >= 0) for (const container of strongTargets(table)) kept.add(container);
    const elements = index.edgeTo(entries, /^elements$/);
    for (const entry of [...strongTargets(entries), ...(elements >= 0 ? strongTargets(elements) : [])]) {
      if (index.type(entry) !== NodeType.object) continue;
      kept.add(entry);
      for (const part of [index.edgeTo(entry, /^container$/), index.edgeTo(entry, /^root$/)]) if (part >= 0) kept.add(part);
    }
  }
  keptByIndex.set(index, kept);
  return kept;
}

/** The closures in Svelte Testing Library's `cleanupTasks`, when the module scope `context` is its: the closures are written in its files. */
function keepSvelteCleanupTasks(index: HeapIndex, context: number, strongTargets: (node: number) => number[], kept: Set<number>): void {
  const tasks = scopeVariable(index.graph, context, SVELTE_TASKS_VARIABLE);
  if (tasks < 0 || index.name(tasks) !== 'Set') return;
  const table = index.edgeTo(tasks, /^table$/);
  if (table < 0) return;
  for (const task of strongTargets(table)) {
    if (index.type(task) !== NodeType.closure || !SVELTE_TESTING_LIBRARY.test(closureScript(index, task) ?? '')) continue;
    kept.add(task);
    // The removal task's scope holds the container it removes: the <div> is in the body until then.
    const scope = index.edgeTo(task, /^context$/);
    const container = scope < 0 ? -1 : scopeVariable(index.graph, scope, /^container$/);
    if (container < 0) continue;
    kept.add(container);
    // jsdom's element is a wrapper of its implementation object.
    const impl = index.edgeTo(container, /impl/);
    if (impl >= 0) kept.add(impl);
  }
}

export const testingLibraryContainers: LeakFilterRule = {
  name: 'testing-library-containers',
  why: "Testing Library's render() keeps each container <div> (with its React root in mountedContainers and mountedRootEntries, or Svelte's removal task in cleanupTasks) until cleanup() after the test; the unmount() it returns does not release them.",
  excludesGroup(group) {
    return keptUntilCleanup(group.index).has(group.representative);
  },
};

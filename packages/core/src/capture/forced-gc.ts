import v8 from 'node:v8';

const USER_FLAG = /--(no-)?detect[-_]ineffective[-_]gcs[-_]near[-_]heap[-_]limit/;

let userSetsTheFlag: boolean | undefined;

/**
 * Far from the limit the check cannot fire, and V8's flags (one set for the
 * whole process, worker threads included) are left as they are. The check
 * looks at the old generation; its limit is the heap's less the young
 * generation's reserve (three semi-spaces: 48 MiB unless
 * --max-semi-space-size is raised, which only moves this point earlier).
 */
const NEAR_LIMIT_SHARE = 0.6;
const YOUNG_RESERVE = 48 * 1024 * 1024;

function nearTheLimit(): boolean {
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
  return used >= NEAR_LIMIT_SHARE * (limit - YOUNG_RESERVE);
}
let depth = 0;

/**
 * Runs collections memscope forces, with V8's ineffective-GC check off.
 *
 * V8 ends the process ("Ineffective mark-compacts near heap limit") after
 * four full collections in a row that each leave the old generation over 80%
 * of its limit while the program ran less than 40% of the time between them.
 * Collections forced back to back (a thorough GC, exact rounds) are exactly
 * that: a worker whose live heap filled 84% of its limit was killed by six
 * thorough GCs, on both captures, though it had room to go on. The check
 * guards against a program thrashing in GC; it is put back as soon as the
 * forced collections end, and a flag the user set themselves is left alone.
 */
export function forcingCollections<T>(collect: () => T): T {
  userSetsTheFlag ??= [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => USER_FLAG.test(arg));
  if (userSetsTheFlag || (depth === 0 && !nearTheLimit())) return collect();
  if (depth++ === 0) v8.setFlagsFromString('--no-detect-ineffective-gcs-near-heap-limit');
  try {
    return collect();
  } finally {
    if (--depth === 0) v8.setFlagsFromString('--detect-ineffective-gcs-near-heap-limit');
  }
}

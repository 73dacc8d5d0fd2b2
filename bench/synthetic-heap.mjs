// A synthetic object graph of a given size, shaped like an application's
// heap: records with strings, small arrays, maps and links between them,
// kept in buckets of 1000 (one array of millions of elements would make V8's
// snapshot generator, not the capture, the thing measured).
import v8 from 'node:v8';

export function buildHeap(targetBytes) {
  const buckets = [];
  const index = new Map();
  let id = 0;
  while (v8.getHeapStatistics().used_heap_size < targetBytes) {
    const bucket = [];
    for (let slot = 0; slot < 1000; slot++, id++) {
      const record = {
        id,
        name: `record-${id}-${'x'.repeat(id % 64)}`,
        tags: [id % 7, id % 11, id % 13],
        parent: bucket[slot - 1] ?? null,
        meta: id % 10 === 0 ? new Map([['created', id]]) : null,
      };
      bucket.push(record);
      if (id % 100 === 0) index.set(id, record);
    }
    buckets.push(bucket);
  }
  return { buckets, index, records: id };
}

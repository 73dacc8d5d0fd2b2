// A synthetic run shaped like a real suite (50 tests a file, two describes
// a file, full sampled figures, a leak in one test of 100, an open handle in
// one of 250) for the report benchmark and the dashboard's large-run test.
// Deterministic: the same count gives the same records.

function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const fig = (value, source = 'sampled') => ({ value: Math.round(value), source });

function leakFinding(i) {
  return {
    kind: 'heap',
    title: `Entry${i} objects: +1 per call (64 B per call)`,
    perCall: { count: 1, bytes: 64 },
    retainerPath: [{ node: '(module) registry', edge: 'entries' }, { node: 'Map', edge: `table[${i}]` }, { node: `Entry${i}` }],
    retainerPathText: `(module) registry → Map → table[${i}] → Entry${i}`,
    allocationSite: {
      file: 'src/registry.ts', line: 10 + (i % 50), column: 7, functionName: 'register',
      stack: [`register (src/registry.ts:${10 + (i % 50)}:7)`, 'handler (src/app.ts:40:3)'], source: 'sampled',
    },
    preview: `Entry${i} { id: ${i}, payload: [Array(16)] }`,
    name: `Entry${i}`,
  };
}

/** @param {number} testCount @returns {import('../packages/core/src/tasks/types.js').FileRecord[]} */
export function syntheticFiles(testCount, perFile = 50) {
  const random = prng(testCount);
  const files = [];
  let heap = 40e6;
  for (let start = 0, f = 0; start < testCount; start += perFile, f++) {
    const file = `src/module-${String(f).padStart(4, '0')}/feature.test.ts`;
    const fileId = `${file} (file)`;
    const tasks = [{
      id: fileId, kind: 'file', name: file, path: [], file, parentId: null, state: 'passed',
      figures: {}, handles: [], findings: [], tracked: [],
    }];
    for (const d of [0, 1]) {
      tasks.push({
        id: `${file} > Suite ${d}`, kind: 'describe', name: `Suite ${d}`, path: [`Suite ${d}`], file, parentId: fileId,
        state: 'passed', figures: {}, handles: [], findings: [], tracked: [],
      });
    }
    for (let i = start; i < Math.min(testCount, start + perFile); i++) {
      const describe = `Suite ${i % 2}`;
      const name = `handles case ${i} with input of size ${Math.round(random() * 1000)}`;
      const before = heap;
      const allocated = 50e3 + random() * 2e6;
      const retained = random() * 200e3;
      heap = Math.max(20e6, heap + retained - random() * 150e3);
      const leaks = i % 100 === 7;
      const handle = i % 250 === 3;
      tasks.push({
        id: `${file} > ${describe} > ${name}`, kind: 'test', name, path: [describe, name], file,
        parentId: `${file} > ${describe}`, state: leaks ? 'failed' : 'passed',
        figures: {
          heapBefore: fig(before), heapAfter: fig(heap), peak: fig(before + allocated), retained: fig(retained),
          allocated: fig(allocated), gcCount: fig(random() * 4, 'measured'), gcTimeMs: fig(random() * 3, 'measured'),
          external: fig(1e6 + random() * 1e5), arrayBuffers: fig(random() * 1e5), handlesLeftOpen: fig(handle ? 1 : 0, 'measured'),
          durationMs: fig(1 + random() * 40, 'measured'),
        },
        handles: handle ? [{ type: 'Timeout', stack: ['setInterval (src/poller.ts:4:3)', `test (${file}:12:5)`] }] : [],
        findings: leaks ? [leakFinding(i)] : [],
        tracked: [],
      });
    }
    files.push({ schemaVersion: 1, file, capture: 'native', mode: 'sampled', tasks });
  }
  return files;
}

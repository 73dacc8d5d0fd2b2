import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allocationCandidates, siteForGroup } from '../../src/analyzers/allocation-site.js';
import type { AllocationSample } from '../../src/capture/types.js';

// A class, then two functions that make its instances: the leak is in the second.
const SOURCE = [
  'class Session {', //                                     1
  '  constructor(id) {', //                                 2
  '    this.id = id;', //                                   3
  '  }', //                                                 4
  '}', //                                                   5
  'const everyone = new Map();', //                         6
  'function remember(id) { everyone.set(id, new Session(id)); }', // 7
  'const pending = new Set();', //                          8
  'async function later() {', //                            9
  '  await null;', //                                       10
  '  pending.add(new Session(1));', //                      11
  '}', //                                                   12
].join('\n');

const dir = mkdtempSync(path.join(tmpdir(), 'memscope-site-'));
const file = path.join(dir, 'sessions.cjs');
writeFileSync(file, SOURCE);
const url = pathToFileURL(file).href;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteForGroup', () => {
  it('takes the line of the caller that wrote `new X(`, not the first `new X(` below the constructor', () => {
    const samples: AllocationSample[] = [
      {
        size: 32,
        count: 100,
        stack: [
          { functionName: 'Session', url, line: 2, column: 14 },
          { functionName: 'later', url, line: 9, column: 16 },
        ],
      },
    ];
    const site = siteForGroup(allocationCandidates(samples), 'Session', 'object');
    expect(site).toMatchObject({ file, line: 11, functionName: 'later', source: 'inferred' });
  });

  it('reads the line inside the sampled function when the constructor was inlined away', () => {
    const samples: AllocationSample[] = [{ size: 32, count: 100, stack: [{ functionName: 'remember', url, line: 7, column: 1 }] }];
    expect(siteForGroup(allocationCandidates(samples), 'Session', 'object')).toMatchObject({ line: 7, functionName: 'remember' });
  });
});

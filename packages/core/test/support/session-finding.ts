import type { Finding } from '../../src/verdict/types.js';

/** One heap finding with every part a diagnosis or a report shows: a cache that keeps a session per call. */
export const SESSION_LEAK: Finding = {
  kind: 'heap',
  title: 'Session objects: +1 per call (48 B per call)',
  perCall: { count: 1, bytes: 48 },
  retainerPath: [
    { node: '(module) cache', edge: 'store' },
    { node: 'Map', edge: 'table[k]' },
    { node: 'Session' },
  ],
  retainerPathText: '(module) cache → Map → table[k] → Session',
  allocationSite: {
    file: 'src/cache.ts', line: 12, column: 5, functionName: 'openSession',
    stack: ['openSession (src/cache.ts:12:5)', 'handler (src/app.ts:40:3)'], source: 'sampled',
  },
  preview: "Session { id: 41, user: 'ada' }",
  cycles: ['Session → Map → Session'],
  name: 'Session',
};

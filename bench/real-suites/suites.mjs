// Published libraries' own test suites, at pinned commits, for
// bench/real-suites.bench.mjs. Each runs as its repository has it; the
// packages its tests import (`deps`) are installed from the registry at the
// ranges its package.json declares. The runner itself (Vitest 4 or Jest 30)
// is this workspace's.
export const SUITES = [
  {
    name: 'ufo',
    about: 'unjs/ufo: URL utilities; 13 small test files, a short run',
    repo: 'unjs/ufo',
    commit: '11308c0bb5cb4a4bc3bfcbdc5c03177b097423e6',
    runner: 'vitest',
    config: null,
    deps: [],
  },
  {
    name: 'immer',
    about: 'immerjs/immer: 30 test files, some of thousands of generated tests',
    repo: 'immerjs/immer',
    commit: '061c2425e1c9dff89e4e4189d42af1b7839dfe0a',
    runner: 'vitest',
    config: 'vitest.config.ts',
    deps: ['deep-freeze', 'immutable', 'lodash', 'lodash.clonedeep', 'redux', 'seamless-immutable', 'type-plus'],
  },
  {
    name: 'jest-extended',
    about: 'jest-community/jest-extended: ~150 small test files (one per matcher), ts-jest',
    repo: 'jest-community/jest-extended',
    commit: 'aef46108bec538d29542cb19ebc2f90e069052b8',
    runner: 'jest',
    config: 'package.json',
    deps: ['jest-serializer-ansi-escapes', 'react'],
  },
  {
    name: 'luxon',
    about: 'moment/luxon: dates and time zones; ~60 larger test files, babel-jest',
    repo: 'moment/luxon',
    commit: 'b6b9d03709085008287ed7f4ce5067f0f4be53f2',
    runner: 'jest',
    config: 'jest.config.js',
    deps: ['@babel/core', '@babel/preset-env'],
  },
];

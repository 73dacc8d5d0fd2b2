// Published libraries' own test suites, at pinned commits, for
// bench/real-suites.bench.mjs. Each runs as its repository has it; the
// packages its tests import (`deps`) are installed from the registry at the
// ranges its package.json declares. The runner itself (Vitest 4 or Jest 30)
// is this workspace's; `args` and `env` are what its test script or CI sets.
export const SUITES = [
  {
    name: 'ufo',
    about: 'unjs/ufo: URL utilities; 13 small test files, 485 tests, a short run',
    repo: 'unjs/ufo',
    commit: '11308c0bb5cb4a4bc3bfcbdc5c03177b097423e6',
    runner: 'vitest',
    config: null,
    deps: [],
  },
  {
    name: 'immer',
    about: 'immerjs/immer: 23 test files, ~3,800 tests, most generated',
    repo: 'immerjs/immer',
    commit: '061c2425e1c9dff89e4e4189d42af1b7839dfe0a',
    runner: 'vitest',
    config: 'vitest.config.ts',
    deps: ['deep-freeze', 'immutable', 'lodash', 'lodash.clonedeep', 'redux', 'seamless-immutable', 'type-plus'],
  },
  {
    name: 'jest-extended',
    about: 'jest-community/jest-extended: 79 small test files (one per matcher), 901 tests, ts-jest',
    repo: 'jest-community/jest-extended',
    commit: 'aef46108bec538d29542cb19ebc2f90e069052b8',
    runner: 'jest',
    config: 'package.json',
    // As its `test` script runs it: its snapshots hold Jest's colours.
    args: ['--color=true'],
    deps: ['jest-serializer-ansi-escapes', 'jest-watch-typeahead'],
  },
  {
    name: 'luxon',
    about: 'moment/luxon: dates and time zones; 58 test files, 1,208 tests, babel-jest',
    repo: 'moment/luxon',
    commit: 'b6b9d03709085008287ed7f4ce5067f0f4be53f2',
    runner: 'jest',
    config: 'jest.config.js',
    // As its CI runs it (.github/workflows/test.yml).
    env: { TZ: 'America/New_York' },
    deps: ['@babel/core', '@babel/preset-env'],
  },
];

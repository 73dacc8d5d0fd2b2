// JavaScript through babel-jest with no Babel config (Jest's default
// transform), TypeScript through ts-jest: both hand Jest regenerated code
// whose lines differ from the files the cases were written in.
module.exports = {
  transformIgnorePatterns: ['/node_modules/', '/packages/[^/]+/dist/'],
  testTimeout: 120000,
  testMatch: ['**/*.spec.{js,ts}'],
  moduleFileExtensions: ['js', 'ts', 'json'],
  setupFilesAfterEnv: ['@memscope/jest'],
  reporters: ['default', ['@memscope/jest/reporter', { html: false, baseline: false }]],
  transform: {
    '\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '\\.js$': 'babel-jest',
  },
};

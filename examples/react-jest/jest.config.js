module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.jsx'],
  // Components need a DOM: jsdom's window, document and events.
  testEnvironment: 'jsdom',
  // A memory verdict on a jsdom heap (40+ MB) settles and walks it every
  // round: seconds on a busy CI machine, past the default 5 s. Under the
  // default a verdict still ends in time and says what it could not do.
  testTimeout: 60_000,
  transform: { '\\.jsx?$': 'babel-jest' },
  setupFilesAfterEnv: ['@memscope/jest'],
  reporters: ['default', ['@memscope/jest/reporter', { outputDir: 'memscope-report', baseline: false }]],
};

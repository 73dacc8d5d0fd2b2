module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.jsx'],
  // Components need a DOM: jsdom's window, document and events.
  testEnvironment: 'jsdom',
  transform: { '\\.jsx?$': 'babel-jest' },
  setupFilesAfterEnv: ['@memscope/jest'],
  reporters: ['default', ['@memscope/jest/reporter', { outputDir: 'memscope-report', baseline: false }]],
};

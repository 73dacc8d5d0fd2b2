module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.js'],
  // Plain CommonJS: nothing to transform.
  transform: {},
  // A leak verdict calls the function a few thousand times: give it room.
  testTimeout: 60_000,
  setupFilesAfterEnv: ['@memscope/jest'],
  reporters: ['default', ['@memscope/jest/reporter', { outputDir: 'memscope-report', baseline: false }]],
};

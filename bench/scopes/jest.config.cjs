'use strict';
const path = require('node:path');

const mode = process.env.MEMSCOPE_BENCH_MODE;

module.exports = {
  rootDir: path.join(__dirname, 'suite'),
  testMatch: ['<rootDir>/tests/*.test.cjs'],
  moduleFileExtensions: ['js', 'cjs', 'json'],
  testEnvironment: 'node',
  transform: {},
  setupFilesAfterEnv: mode === 'sampled' || mode === 'settled' ? [path.join(__dirname, 'jest-setup.cjs')] : [],
};

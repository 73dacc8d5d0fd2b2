'use strict';
// The suite under Jest, with memscope as a user adds it: the plugin as a
// setup file and its reporter (which turns the per-test figures on).
const path = require('node:path');
const { reporterOptions } = require('./reporter-options.cjs');

const mode = process.env.MEMSCOPE_BENCH_MODE;
const withMemscope = mode === 'sampled' || mode === 'settled';

module.exports = {
  rootDir: path.join(__dirname, 'suite'),
  testMatch: ['<rootDir>/tests/*.test.cjs'],
  moduleFileExtensions: ['js', 'cjs', 'json'],
  testEnvironment: 'node',
  transform: {},
  setupFilesAfterEnv: withMemscope ? [require.resolve('@memscope/jest')] : [],
  reporters: withMemscope ? ['default', [require.resolve('@memscope/jest/reporter'), reporterOptions(mode)]] : ['default'],
};

'use strict';
// The recorder and capture as the plugins will load them: the built package.
const path = require('node:path');

// MEMSCOPE_BENCH_DIST: another build of core to compare (a copy inside the repo, so @memscope/native resolves).
const dist = path.resolve(__dirname, process.env.MEMSCOPE_BENCH_DIST ?? '../../packages/core/dist');

const FALLBACK_KEY = Symbol.for('memscope.bench.fallbackCapture');

function loadCore() {
  const tasks = require(path.join(dist, 'tasks/index.js'));
  let capture;
  try {
    capture = require(path.join(dist, 'capture/index.js')).getCapture();
  } catch (error) {
    // The shared capture entry may not build yet; the pure-JS capture always does.
    // Like getCapture, keep one per process: Jest reloads this file for every test file.
    if (process.env.MEMSCOPE_CAPTURE === 'native') throw error;
    const processGlobal = require('node:vm').runInThisContext('globalThis');
    capture = processGlobal[FALLBACK_KEY] ??= require(path.join(dist, 'capture/js.js')).createJsCapture();
  }
  return { tasks, capture };
}

module.exports = { loadCore, rootDir: path.resolve(__dirname, 'suite'), recordsDir: process.env.MEMSCOPE_BENCH_RECORDS };

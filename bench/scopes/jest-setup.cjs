'use strict';
// Per-test scopes as the Jest plugin will drive them from setupFilesAfterEnv:
// Jest has no around-each hook, so tests are entered in beforeEach and the
// open task stands in for AsyncLocalStorage.
const core = require('./load-core.cjs');

const mode = process.env.MEMSCOPE_BENCH_MODE;
const { tasks, capture } = core.loadCore();
let recorder;

beforeAll(() => {
  recorder = tasks.createFileRecorder({ rootDir: core.rootDir, file: expect.getState().testPath, capture, mode });
});

beforeEach(() => {
  recorder.enter('test', [expect.getState().currentTestName]);
});

afterEach(async () => {
  await recorder.exit('passed');
});

afterAll(async () => {
  const record = await recorder.finish();
  if (core.recordsDir) await tasks.writeFileRecord(core.recordsDir, record);
});

// Per-test scopes as the Vitest plugin will drive them: a recorder per file,
// aroundEach so the test body runs inside its task (AsyncLocalStorage).
import { afterAll, aroundEach, beforeAll, expect } from 'vitest';
import core from './load-core.cjs';

// 'sampled-open-task': sampled without AsyncLocalStorage (asyncContext: false).
const benchMode = process.env.MEMSCOPE_BENCH_MODE;
const mode = benchMode === 'settled' ? 'settled' : 'sampled';
const asyncContext = benchMode !== 'sampled-open-task';
const { tasks, capture } = core.loadCore();
let recorder;

function names(task) {
  const list = [];
  for (let current = task; current && current.type !== 'file' && current.name; current = current.suite) list.unshift(current.name);
  return list;
}

beforeAll(() => {
  recorder = tasks.createFileRecorder({ rootDir: core.rootDir, file: expect.getState().testPath, capture, mode, asyncContext });
});

aroundEach(async (runTest, context) => {
  const scope = recorder.enter('test', names(context.task));
  try {
    await recorder.runInTask(scope, runTest);
  } finally {
    await recorder.exit(context.task.result?.errors?.length ? 'failed' : 'passed', undefined, scope);
  }
});

afterAll(async () => {
  const record = await recorder.finish();
  if (core.recordsDir) await tasks.writeFileRecord(core.recordsDir, record);
});

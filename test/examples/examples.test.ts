import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, runNode } from '../support/index.js';
import { allKinds, findingsOf, JEST, runExample, VITEST, type ExampleRun } from './run-example.js';

describe('examples/jest-http', () => {
  let clean: ExampleRun;
  let leaky: ExampleRun;
  beforeAll(async () => {
    clean = await runExample('jest-http', JEST, false);
    leaky = await runExample('jest-http', JEST, true);
  }, 600_000);

  test('as shipped, its suite passes with no leak', () => {
    expect(clean.exitCode, clean.output).toBe(0);
    expect(clean.report?.totals).toMatchObject({ tests: 7, failed: 0, leakingTests: 0 });
  });

  test('its task graph runs file → test → task scope, each task with its own figures', () => {
    const test = 'test/sessions.test.js > a user logs in, is recognised, and logs out';
    const tasks = clean.report!.tasks;
    expect(tasks.find((t) => t.id === tasks.find((c) => c.id === test)?.parentId)).toMatchObject({ kind: 'file', file: 'test/sessions.test.js' });
    const scopes = tasks.filter((t) => t.parentId === test && t.kind === 'task');
    expect(scopes.map((t) => t.name)).toEqual(['log in', 'log out']);
    for (const scope of scopes) expect(scope.figures.allocated?.value).toBeGreaterThan(0);
  });

  test('with the demo bugs, the session map is a heap leak of Session objects held by the store', () => {
    expect(leaky.exitCode, leaky.output).toBe(1);
    const session = findingsOf(leaky, 'test/sessions.test.js > the store keeps at most maxSessions sessions').find((f) => f.name === 'Session');
    expect(session, leaky.output).toMatchObject({ kind: 'heap', perCall: { count: 1 } });
    expect(session?.retainerPathText).toContain('SessionStore → sessions → Map');
    expect(session?.allocationSite?.file).toMatch(/examples\/jest-http\/(src\/session-store|test\/sessions\.test)\.js$/);
    expect(leaky.output).toMatch(/Session objects: \+1 per call \(\d+ B per call\), held by Map/);
  });

  test('with the demo bugs, the per-request listener is a storm on the shutdown emitter, allocated in server.js', () => {
    const storm = findingsOf(leaky, 'test/requests.test.js > a request leaves no listener behind').find((f) => f.kind === 'storm');
    expect(storm, leaky.output).toBeDefined();
    expect(storm?.retainerPathText).toMatch(/EventEmitter → _events → Object → shutdown → Array → \[\d+\] → onShutdown\(\)/);
    expect(storm?.allocationSite?.file).toMatch(/examples\/jest-http\/src\/server\.js$/);
    expect(allKinds(leaky)).toEqual(expect.arrayContaining(['heap', 'storm']));
  });

  test('with the demo bugs, toBeCollected and toRetainAtMost fail and say why', () => {
    expect(leaky.output).toContain('Expected "shutdown listener" to be garbage-collected');
    expect(leaky.output).toMatch(/retained by +.*EventEmitter → _events → Object → shutdown → Array → \[\d+\] → onShutdown\(\)\n/);
    expect(leaky.output).toMatch(/● a thousand logins keep under 96 KiB alive[\s\S]*?Received: .*retained after 1000 calls/);
    expect(leaky.report?.totals).toMatchObject({ tests: 7, failed: 4 });
  });
});

describe('examples/vitest-events', () => {
  let clean: ExampleRun;
  let leaky: ExampleRun;
  beforeAll(async () => {
    clean = await runExample('vitest-events', VITEST, false);
    leaky = await runExample('vitest-events', VITEST, true);
  }, 600_000);

  test('as shipped, its suite passes with no leak', () => {
    expect(clean.exitCode, clean.output).toBe(0);
    expect(clean.report?.totals).toMatchObject({ tests: 11, failed: 0, leakingTests: 0 });
  });

  test('its task graph runs file → test → task scope, each task with its own figures', () => {
    const test = 'test/cache.test.ts > a warmed cache answers every key it was warmed with';
    const tasks = clean.report!.tasks;
    const parentOf = (id: string) => tasks.find((t) => t.id === tasks.find((c) => c.id === id)?.parentId);
    expect(parentOf(test)).toMatchObject({ kind: 'file', file: 'test/cache.test.ts' });
    const scopes = tasks.filter((t) => t.parentId === test && t.kind === 'task');
    expect(scopes.map((t) => t.name)).toEqual(['warm the cache', 'read it back']);
    for (const scope of scopes) expect(scope.figures.allocated?.value).toBeGreaterThan(0);
  });

  test('with the demo bugs, the progress timer is a handle finding created in job-queue.ts', () => {
    expect(leaky.exitCode, leaky.output).toBe(1);
    const [timer] = findingsOf(leaky, 'test/job-queue.test.ts > a finished job leaves no timer running');
    expect(timer, leaky.output).toMatchObject({ kind: 'handle', resourceType: 'Timeout', perCall: { count: 1 } });
    expect(timer?.creationStack?.[0]).toMatch(/JobQueue\.run \(.*examples\/vitest-events\/src\/job-queue\.ts:\d+:\d+\)/);
    expect(leaky.output).toMatch(/Timeout left open: \+1 per call, created at JobQueue\.run \(.*job-queue\.ts:\d+:\d+\)/);
  });

  test('with the demo bugs, the kept output buffers are a native finding of 32 KiB per job', () => {
    const [buffers] = findingsOf(leaky, 'test/job-queue.test.ts > a finished job keeps none of its output buffer');
    expect(buffers, leaky.output).toMatchObject({ kind: 'native' });
    expect(buffers?.title).toMatch(/memory grows 32\.[0-4] KiB per call/);
    expect(allKinds(leaky)).toEqual(expect.arrayContaining(['handle', 'native']));
  });

  test("its TypeScript sources and tests type-check, matchers included", async () => {
    const tsc = await runNode([join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'examples/vitest-events'], { cwd: repoRoot });
    expect(tsc.exitCode, tsc.output).toBe(0);
  });

  test('with the demo bugs, toRetainAtMost fails with the retained bytes, and the clean modules still pass', () => {
    expect(leaky.output).toMatch(/FAIL .*a hundred jobs keep less than 256 KiB alive[\s\S]*Received: .* retained after 100 calls/);
    const passed = leaky.report!.tasks.filter((t) => t.kind === 'test' && t.state === 'passed').map((t) => t.id);
    expect(passed).toEqual(expect.arrayContaining(['test/event-bus.test.ts > an unsubscribed handler can be garbage-collected', 'test/cache.test.ts > a bounded cache stops growing once full']));
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { allocationCandidates, instanceSite, siteForGroup } from '../../src/analyzers/allocation-site.js';
import type { AllocationSample, Capture } from '../../src/capture/types.js';
import { createJsCapture } from '../../src/capture/js/js.js';
import { mapStackLine } from '../../src/analyzers/source-maps.js';
import { showInlinedFrames } from '../../src/analyzers/inlined-frames.js';

// A class, then two functions that make its instances: the leak is in the second.
const SOURCE = [
  'class Session {', //                                     1
  '  constructor(id) {', //                                 2
  '    this.id = id;', //                                   3
  '  }', //                                                 4
  '}', //                                                   5
  'const everyone = new Map();', //                         6
  'function remember(id) { everyone.set(id, new Session(id)); }', // 7
  'const pending = new Set();', //                          8
  'async function later() {', //                            9
  '  await null;', //                                       10
  '  pending.add(new Session(1));', //                      11
  '}', //                                                   12
].join('\n');

const dir = mkdtempSync(path.join(tmpdir(), 'memscope-site-'));
const file = path.join(dir, 'sessions.cjs');
writeFileSync(file, SOURCE);
const url = pathToFileURL(file).href;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteForGroup', () => {
  it('takes the line of the caller that wrote `new X(`, not the first `new X(` below the constructor', () => {
    const samples: AllocationSample[] = [
      {
        size: 32,
        count: 100,
        stack: [
          { functionName: 'Session', url, line: 2, column: 14 },
          { functionName: 'later', url, line: 9, column: 16 },
        ],
      },
    ];
    const site = siteForGroup(allocationCandidates(samples), 'Session', 'object');
    expect(site).toMatchObject({ file, line: 11, functionName: 'later', source: 'inferred' });
  });

  it('puts a closure on the line that writes it, even when the profiler saw only the caller its maker was inlined into', () => {
    // `later` (line 9) stands for the caller; the closure is written on line 7.
    const samples: AllocationSample[] = [{ size: 64, count: 100, stack: [{ functionName: 'later', url, line: 9, column: 16 }] }];
    const site = siteForGroup(allocationCandidates(samples), '(anonymous function)', 'closure', url, { name: '', position: { line: 7, column: 25 } });
    expect(site).toMatchObject({ file, line: 7, column: 25, functionName: '(anonymous)', source: 'measured' });
    expect(site!.stack.slice(0, 2)).toEqual([`(anonymous) (${file}:7:25)`, `later (${file}:9:16)`]);
  });

  it('gives a closure the sampled function above it as its maker', () => {
    const samples: AllocationSample[] = [
      { size: 64, count: 100, stack: [{ functionName: 'remember', url, line: 7, column: 1 }, { functionName: 'later', url, line: 9, column: 16 }] },
      { size: 64, count: 10, stack: [{ functionName: 'later', url, line: 9, column: 16 }] },
    ];
    const site = siteForGroup(allocationCandidates(samples), 'onSession', 'closure', url, { name: 'onSession', position: { line: 7, column: 40 } });
    expect(site!.stack.slice(0, 3)).toEqual([`onSession (${file}:7:40)`, `remember (${file}:7:1)`, `later (${file}:9:16)`]);
  });

  it("puts a plain object on the literal that writes its keys, not on a busier library function's first brace", () => {
    // An HTTP client's request function allocates the most surviving bytes; the handler below it writes the object.
    const client = path.join(dir, 'client.cjs');
    writeFileSync(client, ['function request(options) {', '  const req = { options, started: Date.now() };', '  return handler(req);', '}'].join('\n'));
    const app = path.join(dir, 'app.cjs');
    writeFileSync(app, ['const audit = [];', 'function handler(req) {', '  if (req) {', "    audit.push({ path: req.options.path, at: Date.now(), headers: { ...req.headers } });", '  }', '}'].join('\n'));
    const clientUrl = pathToFileURL(client).href;
    const appUrl = pathToFileURL(app).href;
    const samples: AllocationSample[] = [
      { size: 512, count: 100, stack: [{ functionName: 'request', url: clientUrl, line: 1, column: 1 }] },
      { size: 64, count: 100, stack: [{ functionName: 'handler', url: appUrl, line: 2, column: 1 }, { functionName: 'request', url: clientUrl, line: 1, column: 1 }] },
    ];
    const site = siteForGroup(allocationCandidates(samples), 'Object', 'object', undefined, undefined, ['path', 'at', 'headers']);
    expect(site).toMatchObject({ file: app, line: 4, column: 16, functionName: 'handler', source: 'inferred' });
    // Without the keys, the busier function's first brace wins, as before.
    expect(siteForGroup(allocationCandidates(samples), 'Object', 'object')).toMatchObject({ file: client, functionName: 'request' });
  });

  it("leaves out what memscope allocated: its handle tracker's creation stacks are not the bytes of the library that made the handle", () => {
    // A request library that schedules a tick per request (each tick is a
    // handle whose creation stack memscope reads) and a route handler that
    // keeps a plain object per request.
    const library = path.join(dir, 'inject.cjs');
    const makers = Array.from({ length: 8 }, (_, i) => `function chain${i}(option) {\n  this.option = { url: option };\n  process.nextTick(() => {});\n}`);
    writeFileSync(library, makers.join('\n'));
    const app = path.join(dir, 'routes.cjs');
    writeFileSync(app, ['const seen = [];', 'async function audit(request) {', '  seen.push({ url: request.url, headers: request.headers, body: "x" });', '}'].join('\n'));
    const libraryUrl = pathToFileURL(library).href;
    const tracker = pathToFileURL(path.join(dir, 'node_modules/@memscope/core/dist/verdict/handle-tracker.js')).href;
    const runnerMap = pathToFileURL(path.join(dir, 'node_modules/vite-node/dist/source-map.mjs')).href;
    const samples: AllocationSample[] = Array.from({ length: 8 }, (_, i) => ({
      size: 4096,
      count: 100,
      stack: [
        { functionName: 'join', url: '', line: 0, column: 0 },
        { functionName: 'prepareStackTrace', url: runnerMap, line: 879, column: 5 },
        { functionName: 'prepareStackTraceCallback', url: 'node:internal/errors', line: 131, column: 5 },
        { functionName: 'init', url: tracker, line: 207, column: 9 },
        { functionName: 'emitInitNative', url: 'node:internal/async_hooks', line: 192, column: 5 },
        { functionName: `chain${i}`, url: libraryUrl, line: 1 + 4 * i, column: 1 },
      ],
    }));
    samples.push({ size: 64, count: 100, stack: [{ functionName: 'audit', url: pathToFileURL(app).href, line: 2, column: 1 }] });
    const site = siteForGroup(allocationCandidates(samples), 'Object', 'object', undefined, undefined, ['url', 'headers', 'body']);
    expect(site).toMatchObject({ file: app, line: 3, column: 13, functionName: 'audit', source: 'inferred' });
  });

  it('reads the line inside the sampled function when the constructor was inlined away', () => {
    const samples: AllocationSample[] = [{ size: 32, count: 100, stack: [{ functionName: 'remember', url, line: 7, column: 1 }] }];
    expect(siteForGroup(allocationCandidates(samples), 'Session', 'object')).toMatchObject({ line: 7, functionName: 'remember' });
  });

  it("does not read past the sampled function's end: a busy helper's module exports are not the site", () => {
    const helper = path.join(dir, 'spin.cjs');
    writeFileSync(helper, ['function spin(ms) {', '  const end = performance.now() + ms;', '  while (performance.now() < end);', '}', '', 'module.exports = { spin };'].join('\n'));
    const caller = path.join(dir, 'keeper.cjs');
    writeFileSync(caller, ['const kept = [];', 'const fn = () => { spin(0.5); kept.push({ n: kept.length }); };'].join('\n'));
    const samples: AllocationSample[] = [
      { size: 16, count: 300, stack: [{ functionName: 'spin', url: pathToFileURL(helper).href, line: 1, column: 14 }, { functionName: 'fn', url: pathToFileURL(caller).href, line: 2, column: 12 }] },
      { size: 24, count: 100, stack: [{ functionName: 'fn', url: pathToFileURL(caller).href, line: 2, column: 12 }] },
    ];
    expect(siteForGroup(allocationCandidates(samples), 'Object', 'object')).toMatchObject({ file: caller, line: 2, functionName: 'fn', source: 'inferred' });
  });
});

// TypeScript as a runner hands it to V8: transpiled, with an inline map. The
// original file is not on disk, so its text can only come from the map.
const TS_SOURCE = [
  'interface Row {', //                                      1
  '  id: number;', //                                        2
  '}', //                                                    3
  '', //                                                     4
  'const rows: Row[] = [];', //                              5
  '', //                                                     6
  'function makeRow(id: number): Row {', //                  7
  '  const label: string = `row ${id}`;', //                 8
  '  return { id, label } as Row;', //                       9
  '}', //                                                    10
  'export function add(id: number): void {', //             11
  '  rows.push(makeRow(id));', //                           12
  '}', //                                                    13
].join('\n');

describe('instanceSite', () => {
  // A request library that allocates the most bytes, and the requests Node's
  // HTTP server parses, made entirely in Node's own frames.
  const assertions = path.join(dir, 'assertions.cjs');
  writeFileSync(assertions, ['function wrapAssertFn(assertFn) {', '  const stack = new Error().stack;', '  return (res) => assertFn(res, stack);', '}'].join('\n'));
  const libraryFrame = { functionName: 'wrapAssertFn', url: pathToFileURL(assertions).href, line: 1, column: 1 };
  const parsed: AllocationSample = {
    size: 48,
    count: 100,
    stack: [
      { functionName: 'ReadableState', url: 'node:internal/streams/readable', line: 262, column: 3 },
      { functionName: 'IncomingMessage', url: 'node:_http_incoming', line: 50, column: 3 },
      { functionName: 'parserOnHeadersComplete', url: 'node:_http_common', line: 71, column: 3 },
    ],
  };

  it("puts an instance no sampled line constructs on its constructor's frame, Node's own included, not on the busiest library", () => {
    const samples: AllocationSample[] = [{ size: 512, count: 100, stack: [libraryFrame] }, parsed];
    const guessed = siteForGroup(allocationCandidates(samples), 'IncomingMessage', 'object');
    expect(guessed).toMatchObject({ file: assertions, functionName: 'wrapAssertFn', source: 'sampled' });
    const site = instanceSite(samples, 'IncomingMessage', guessed);
    expect(site).toMatchObject({ file: 'node:_http_incoming', line: 50, functionName: 'IncomingMessage', source: 'sampled' });
    expect(site!.stack.slice(0, 2)).toEqual(['IncomingMessage (node:_http_incoming:50:3)', 'parserOnHeadersComplete (node:_http_common:71:3)']);
  });

  it("keeps the guessed site when its stack runs the constructor (Node making a Stats for the user's call)", () => {
    const caller = path.join(dir, 'stat.cjs');
    writeFileSync(caller, ['const kept = [];', 'function remember(file) {', '  kept.push(statSync(file));', '}'].join('\n'));
    const samples: AllocationSample[] = [
      {
        size: 144,
        count: 100,
        stack: [
          { functionName: 'Stats', url: 'node:internal/fs/utils', line: 540, column: 3 },
          { functionName: 'remember', url: pathToFileURL(caller).href, line: 2, column: 1 },
        ],
      },
    ];
    const guessed = siteForGroup(allocationCandidates(samples), 'Stats', 'object');
    expect(instanceSite(samples, 'Stats', guessed)).toEqual(guessed);
    expect(guessed).toMatchObject({ file: caller, functionName: 'remember' });
  });

  it('keeps a site read from the source', () => {
    const samples: AllocationSample[] = [{ size: 32, count: 100, stack: [{ functionName: 'remember', url, line: 7, column: 1 }] }];
    const guessed = siteForGroup(allocationCandidates(samples), 'Session', 'object');
    expect(guessed).toMatchObject({ source: 'inferred' });
    expect(instanceSite(samples, 'Session', guessed)).toBe(guessed);
  });
});

describe('siteForGroup on transformed code', () => {
  const scriptPath = path.join(dir, 'rows.js');
  const originalPath = path.join(dir, 'src', 'rows.ts');
  const { outputText } = ts.transpileModule(TS_SOURCE, {
    fileName: originalPath,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true, sourceRoot: path.dirname(originalPath) },
  });
  // Loaded the way Jest loads a transformed file: a script V8 compiles under the file's path.
  vm.runInThisContext(`(function (exports) {${outputText}\n})`, { filename: scriptPath })({});
  const generatedLine = outputText.split('\n').findIndex((line) => line.includes('function makeRow')) + 1;

  it('names the original file and the line in it, read from the map the script carries', () => {
    expect(generatedLine).not.toBe(7); // the transform moved the function
    const samples: AllocationSample[] = [{ size: 48, count: 50, stack: [{ functionName: 'makeRow', url: scriptPath, line: generatedLine, column: 1 }] }];
    expect(siteForGroup(allocationCandidates(samples), 'Object', 'object')).toMatchObject({ file: originalPath, line: 9, functionName: 'makeRow', source: 'inferred' });
  });

  it("keeps the shipped line when the map names a source that is neither on disk nor in the map", () => {
    // tsc output shipped with its .map, as graphql-subscriptions 1.0.0 ships dist/*.js and dist/*.js.map without src/*.ts.
    const { outputText: shipped, sourceMapText } = ts.transpileModule(TS_SOURCE, {
      fileName: 'rows.ts',
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: true },
    });
    const code = `${shipped.replace(/\/\/# sourceMappingURL=.*$/m, '')}//# sourceMappingURL=rows.js.map\n`;
    const line = code.split('\n').findIndex((text) => text.includes('function makeRow')) + 1;
    /** A package's dist/rows.js and its map, loaded as Node loads a package file (V8 keeps the script's map comment). */
    const shipPackage = (name: string, withSources: boolean): { script: string; source: string } => {
      const root = path.join(dir, name);
      mkdirSync(path.join(root, 'dist'), { recursive: true });
      const map = JSON.parse(sourceMapText!) as { sources: string[] };
      map.sources = ['../src/rows.ts'];
      writeFileSync(path.join(root, 'dist', 'rows.js.map'), JSON.stringify(map));
      const script = path.join(root, 'dist', 'rows.js');
      writeFileSync(script, code);
      const source = path.join(root, 'src', 'rows.ts');
      if (withSources) {
        mkdirSync(path.dirname(source), { recursive: true });
        writeFileSync(source, TS_SOURCE);
      }
      vm.runInThisContext(`(function (exports) {${code}\n})`, { filename: script })({});
      return { script, source };
    };
    const withSources = shipPackage('with-sources', true);
    expect(mapStackLine(`    at makeRow (${withSources.script}:${line}:1)`)).toBe(`    at makeRow (${withSources.source}:7:1)`);
    const withoutSources = shipPackage('without-sources', false);
    expect(mapStackLine(`    at makeRow (${withoutSources.script}:${line}:1)`)).toBe(`    at makeRow (${withoutSources.script}:${line}:1)`);
  });

  it('maps a stack line and leaves a line without a map as it is', () => {
    expect(mapStackLine(`    at makeRow (${scriptPath}:${generatedLine}:1)`)).toBe(`    at makeRow (${originalPath}:7:1)`);
    expect(mapStackLine(`    at later (${file}:9:16)`)).toBe(`    at later (${file}:9:16)`);
  });
});

describe('showInlinedFrames', () => {
  // makeEntry is small enough for TurboFan to inline into addEntry, and
  // addEntry into the loop: the profiler then charges the entries to the loop.
  const kept: object[] = [];
  function makeEntry(k: number) {
    return { k, twice: k * 2 };
  }
  function addEntry(k: number) {
    kept.push(makeEntry(k));
  }
  function loop(n: number) {
    for (let i = 0; i < n; i++) addEntry(i);
  }

  /** Share of the samples whose innermost frame is makeEntry. */
  function helperShare(capture: Capture): number {
    capture.startSampling(256);
    try {
      loop(20_000);
      const samples = capture.readSampling().filter((s) => s.stack.some((f) => f.functionName === 'loop'));
      return samples.filter((s) => s.stack[0]?.functionName === 'makeEntry').length / Math.max(1, samples.length);
    } finally {
      capture.stopSampling();
      kept.length = 0;
    }
  }

  it('puts the allocations of an inlined helper on the helper', () => {
    const capture = createJsCapture();
    loop(300_000);
    expect(helperShare(capture)).toBeLessThan(0.5);
    const restore = showInlinedFrames();
    try {
      expect(helperShare(capture)).toBeGreaterThan(0.9);
    } finally {
      restore();
    }
  });
});

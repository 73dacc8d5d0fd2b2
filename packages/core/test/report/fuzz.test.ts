import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBaseline, parseBaseline } from '../../src/baseline/read.js';
import { isMemscopeError } from '../../src/errors.js';
import { buildRunReport } from '../../src/report/build.js';
import { parseRunReport, readRunReport, serializeRunReport } from '../../src/report/files/write.js';
import { RUN, sampleFiles } from './fixtures.js';

/**
 * Whatever bytes a report or baseline file holds, reading it either returns
 * a value or throws a MemscopeError, never a TypeError from deep inside.
 */
function readsSafely(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    if (isMemscopeError(error)) return true;
    throw error;
  }
}

// Replace one value somewhere in a valid document with an arbitrary JSON value.
function mutate(doc: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof doc !== 'object' || doc === null) return replacement;
  const entries = Object.entries(doc as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, value] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(doc) ? [...doc] : { ...(doc as object) };
  (copy as Record<string, unknown>)[key] = mutate(value, path.slice(1), replacement);
  return copy;
}

const validReport = JSON.parse(serializeRunReport(buildRunReport({ files: sampleFiles(), run: RUN })));
const validBaseline = {
  schemaVersion: 1, kind: 'memscope-baseline', mode: 'sampled', figures: ['allocated'],
  tolerance: { allocated: { relative: 0.2 } },
  tests: { 'a > b': { file: 'a', path: ['b'], figures: { allocated: { value: 1, source: 'sampled' } }, tolerance: { allocated: { absolute: 3 } } } },
};
const path = fc.array(fc.nat(), { maxLength: 7 });

describe('reading untrusted files', () => {
  it('never throws anything but a MemscopeError for a mutated report', () => {
    fc.assert(fc.property(path, fc.jsonValue(), (p, value) => readsSafely(() => parseRunReport(JSON.stringify(mutate(validReport, p, value)), 'r.json'))), { numRuns: 400 });
  });

  it('never throws anything but a MemscopeError for a mutated baseline', () => {
    fc.assert(fc.property(path, fc.jsonValue(), (p, value) => readsSafely(() => parseBaseline(JSON.stringify(mutate(validBaseline, p, value)), 'b.json'))), { numRuns: 400 });
  });

  it('never throws anything but a MemscopeError for arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => readsSafely(() => parseRunReport(text, 'r.json')) && readsSafely(() => parseBaseline(text, 'b.json'))), { numRuns: 300 });
  });

  it('never throws anything but a MemscopeError for arbitrary bytes on disk, binary or cut off', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'memscope-fuzz-'));
    try {
      const validBytes = Buffer.from(JSON.stringify(validReport));
      const bytes = fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.nat({ max: validBytes.length }).map((n) => validBytes.subarray(0, n)));
      await fc.assert(fc.asyncProperty(bytes, async (content) => {
        const path = join(dir, 'file.json');
        await writeFile(path, content);
        for (const read of [() => readRunReport(path), () => loadBaseline(path, { mode: 'sampled' })]) {
          await read().catch((error: unknown) => { if (!isMemscopeError(error)) throw error; });
        }
      }), { numRuns: 150 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts the valid documents it mutates', () => {
    expect(parseRunReport(JSON.stringify(validReport), 'r.json').totals.tests).toBe(6);
    expect(Object.keys(parseBaseline(JSON.stringify(validBaseline), 'b.json').tests)).toEqual(['a > b']);
  });
});

import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { functionPositionById } from '../../src/analyzers/value-by-id.js';
import { siteForGroup } from '../../src/analyzers/allocation-site.js';

function makeHandler(id: number): () => number {
  return () => id; // the closure's line
}

/** The heap snapshot id of a live value, after a snapshot gave every object one. */
function heapIdOf(value: unknown): number {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}): T => {
    let answer: T | undefined;
    session.post(method, params, (error, result) => {
      if (error) throw error;
      answer = result as T;
    });
    return answer!;
  };
  post('HeapProfiler.enable');
  post('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  (globalThis as { memscopeProbe?: unknown }).memscopeProbe = value;
  const { result } = post<{ result: { objectId: string } }>('Runtime.evaluate', { expression: 'globalThis.memscopeProbe' });
  const { heapSnapshotObjectId } = post<{ heapSnapshotObjectId: string }>('HeapProfiler.getHeapObjectId', { objectId: result.objectId });
  delete (globalThis as { memscopeProbe?: unknown }).memscopeProbe;
  // Not disconnected: closing a session clears the ids this test asks about.
  return Number(heapSnapshotObjectId);
}

describe('functionPositionById', () => {
  it('finds where a closure is written, by its heap id, and the site maps it to the line of this file', () => {
    const id = heapIdOf(makeHandler(3));
    expect(id).toBeGreaterThan(0);
    const position = functionPositionById(id);
    expect(position).toBeDefined();
    // Vitest ran this file transformed; its source map leads back here.
    const site = siteForGroup([], '(anonymous function)', 'closure', import.meta.url, { name: '', position: position! });
    const written = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').findIndex((line) => line.includes("// the closure's line")) + 1;
    expect(site).toMatchObject({ file: fileURLToPath(import.meta.url), line: written, source: 'measured' });
  });

  it('says nothing for an id no object has', () => {
    expect(functionPositionById(2 ** 30 + 1)).toBeUndefined();
  });
});

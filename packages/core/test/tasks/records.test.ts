import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTaskGraph, RUN_TASK_ID } from '../../src/tasks/graph.js';
import { readFileRecords, recordFileName, writeFileRecord, writeFileRecordSync } from '../../src/tasks/records.js';
import { newRecorder } from './helpers.js';

async function recordOf(file: string, tests: string[]) {
  const recorder = newRecorder({ file });
  recorder.enter('describe', ['Suite']);
  for (const name of tests) await recorder.runTask('test', ['Suite', name], () => undefined);
  await recorder.exit('passed');
  return recorder.finish();
}

describe('file records carried from workers', () => {
  it('writes atomically (no temp file left) and reads back, naming the files whose figures are missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'memscope-records-'));
    await writeFileRecord(dir, await recordOf('src/a.test.ts', ['one', 'two']));
    await writeFileRecord(dir, await recordOf('src/b.test.ts', ['three']));
    // A worker that crashed mid-file wrote nothing for src/c.test.ts; one that was cut short wrote an incomplete record.
    const cut = newRecorder({ file: 'src/d.test.ts' });
    cut.enter('test', ['never ends']);
    await writeFileRecord(dir, cut.toFileRecord());
    await writeFile(path.join(dir, 'junk.memscope.json'), '{"schemaVersion": 9}');
    expect((await readdir(dir)).some((name) => name.endsWith('.tmp'))).toBe(false);

    const result = await readFileRecords(dir, ['src/a.test.ts', 'src/b.test.ts', 'src/c.test.ts', 'src/d.test.ts']);
    expect(result.records.map((record) => record.file).sort()).toEqual(['src/a.test.ts', 'src/b.test.ts', 'src/d.test.ts']);
    expect(result.missing).toEqual(['src/c.test.ts', 'src/d.test.ts']);
    expect(result.invalid).toEqual([{ path: path.join(dir, 'junk.memscope.json'), reason: 'schemaVersion 9, expected 1' }]);
    await cut.finish();
  });

  it('writes in place too (writeFileRecordSync): the directory made, the record replaced whole, no temp file left', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'memscope-records-')), 'not-yet');
    const first = writeFileRecordSync(dir, await recordOf('src/a.test.ts', ['one']));
    const second = writeFileRecordSync(dir, await recordOf('src/a.test.ts', ['one', 'two']));
    expect(second).toBe(first);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const result = await readFileRecords(dir, ['src/a.test.ts']);
    expect(result.missing).toEqual([]);
    expect(result.records.map((record) => record.tasks.filter((task) => task.kind === 'test').map((task) => task.name))).toEqual([['one', 'two']]);
    expect(() => writeFileRecordSync('', result.records[0]!)).toThrow(/writeFileRecordSync\(dir\) expects a directory path/);
  });

  it('treats a missing directory as every expected file missing', async () => {
    const result = await readFileRecords(path.join(os.tmpdir(), 'memscope-no-such-dir-' + process.pid), ['src/a.test.ts']);
    expect(result).toEqual({ records: [], missing: ['src/a.test.ts'], invalid: [] });
  });

  it('names record files readably and uniquely', () => {
    expect(recordFileName('src/a.test.ts')).toMatch(/^src_a\.test\.ts\.[0-9a-f]{8}\.memscope\.json$/);
    expect(recordFileName('src/a_test.ts')).not.toBe(recordFileName('src/a/test.ts'));
  });
});

describe('exportTaskGraph', () => {
  it('exports a versioned tree: one run node, every other node with exactly one incoming edge', async () => {
    const graph = exportTaskGraph([await recordOf('src/b.test.ts', ['x']), await recordOf('src/a.test.ts', ['y', 'y'])], ['src/c.test.ts']);
    expect(graph.schemaVersion).toBe(1);
    expect(graph.kind).toBe('memscope-task-graph');
    expect(graph.capture).toBe('js');
    expect(graph.mode).toBe('sampled');
    expect(graph.missingFiles).toEqual(['src/c.test.ts']);
    expect(graph.nodes[0]?.id).toBe(RUN_TASK_ID);
    expect(graph.nodes.map((node) => node.id)).toContain('src/a.test.ts > Suite > y #2');
    const incoming = new Map<string, number>();
    for (const edge of graph.edges) incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
    for (const node of graph.nodes.slice(1)) {
      expect(incoming.get(node.id)).toBe(1);
      expect(graph.edges.find((edge) => edge.to === node.id)?.from).toBe(node.parentId);
    }
    expect(graph.nodes.filter((node) => node.kind === 'file').map((node) => node.parentId)).toEqual([RUN_TASK_ID, RUN_TASK_ID]);
    // Figures survive the JSON round trip with their sources.
    const test = JSON.parse(JSON.stringify(graph)).nodes.find((node: { kind: string }) => node.kind === 'test');
    expect(test.figures.heapBefore.source).toBe('measured');
    expect(test.figures.peak.source).toBe('sampled');
  });
});

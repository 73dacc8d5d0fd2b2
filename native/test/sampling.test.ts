import { afterEach, describe, expect, it } from 'vitest';
import { native } from './load-native.js';
import { samplesAllocatedBy } from '../../test/support/v8-checks.js';

const retained: Array<{ index: number; label: string }> = [];

function allocateRetainedRecords(): void {
  for (let index = 0; index < 50_000; index++) retained.push({ index, label: `record ${index}` });
}

afterEach(() => native.stopSampling());

describe('sampling heap profiler', () => {
  it('attributes retained objects to the function that allocated them', () => {
    native.startSampling(4096, 32);
    allocateRetainedRecords();
    const ours = samplesAllocatedBy(native.readSampling(), 'allocateRetainedRecords', /sampling\.test\.ts$/);
    // Leaf first: the caller (this test's arrow function) comes next.
    expect(ours[0]!.stack[1]?.url).toMatch(/sampling\.test\.ts$/);
    // 50k records of ~40 bytes plus their strings: the estimate is in the megabytes.
    const estimatedBytes = ours.reduce((sum, sample) => sum + sample.size * sample.count, 0);
    expect(estimatedBytes).toBeGreaterThan(1_000_000);
    expect(retained.length).toBe(50_000);
  });

  it('numbers samples in allocation order', () => {
    native.startSampling(4096, 4);
    const first = new Array(64 * 1024);
    const firstIds = native.readSampling().map((sample) => sample.id);
    const second = new Array(64 * 1024);
    const later = native.readSampling().filter((sample) => !firstIds.includes(sample.id));
    expect(firstIds.length).toBeGreaterThan(0);
    expect(later.length).toBeGreaterThan(0);
    expect(Math.min(...later.map((sample) => sample.id))).toBeGreaterThan(Math.max(...firstIds));
    expect(first.length + second.length).toBe(128 * 1024);
  });

  it('drops samples of objects that died', () => {
    native.startSampling(4096, 8);
    let garbage: object[] | null = [];
    for (let index = 0; index < 50_000; index++) garbage.push({ index });
    garbage = null;
    native.collectGarbage('fast');
    const bytes = native.readSampling().reduce((sum, sample) => sum + sample.size * sample.count, 0);
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('reads the same samples without their stacks as (id, size, count) triples', () => {
    native.startSampling(4096, 1);
    allocateRetainedRecords();
    const triples = native.readSampleSizes();
    const full = new Map(native.readSampling().map((sample) => [sample.id, sample]));
    expect(triples.length % 3).toBe(0);
    expect(triples.length / 3).toBeGreaterThan(10);
    // readSampling runs after (a GC meanwhile may drop a garbage sample): the
    // samples listed both times carry the same size and count.
    let both = 0;
    for (let at = 0; at < triples.length; at += 3) {
      const sample = full.get(triples[at]!);
      if (!sample) continue;
      both++;
      expect({ size: sample.size, count: sample.count }).toEqual({ size: triples[at + 1], count: triples[at + 2] });
    }
    expect(both).toBeGreaterThan((triples.length / 3) * 0.9);
  });

  it('refuses to read when not running, and checks its arguments', () => {
    expect(() => native.readSampling()).toThrow('readSampling: the sampling heap profiler is not running');
    expect(() => native.readSampleSizes()).toThrow('readSampleSizes: the sampling heap profiler is not running');
    expect(() => native.startSampling(0)).toThrow(
      'startSampling: argument `intervalBytes` must be an integer from 1 to 1099511627776, got the number 0',
    );
    expect(() => native.startSampling(1024, 1.5)).toThrow(RangeError);
  });
});

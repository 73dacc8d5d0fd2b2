import { describe, expect, it } from 'vitest';
import { heapEvidence, type Measurement } from '../../src/verdict/screen/screen.js';

function readings(rounds: Array<[heapGrowth: number, codeGrowth: number]>, withCode = true): Measurement[] {
  let heapUsed = 20_000_000;
  let code = 1_000_000;
  const base = { external: 0, arrayBuffers: 0, malloc: null, handles: 0, fds: null, allocated: 0 };
  const out: Measurement[] = [{ ...base, heapUsed, compiledCode: withCode ? code : null }];
  for (const [heap, compiled] of rounds) {
    heapUsed += heap;
    code += compiled;
    out.push({ ...base, heapUsed, compiledCode: withCode ? code : null });
  }
  return out;
}

const deltas = (series: number[]) => series.slice(1).map((v, i) => v - series[i]!);

describe('the heap evidence of exact rounds', () => {
  it('sets aside the rounds whose growth the code compiled in them accounts for', () => {
    const series = heapEvidence(readings([[12_000, 8_000], [150, 0], [300, 0], [30_000, 14_000], [200, 0], [-900, -1_000], [500, 0]]));
    expect(deltas(series)).toEqual([150, 300, 200, 500]);
  });

  it('keeps a round that grew far more than it compiled: a leak that compiles now and then still shows', () => {
    const series = heapEvidence(readings([[9_000, 500], [150, 0], [9_000, 500], [300, 0], [200, 0], [9_000, 500]]));
    expect(deltas(series)).toEqual([9_000, 150, 9_000, 300, 200, 9_000]);
  });

  it('keeps every round when fewer than four would be left (code compiled nearly every round)', () => {
    const rounds: Array<[number, number]> = [[5_000, 2_000], [5_000, 2_000], [100, 0], [5_000, 2_000], [100, 0], [5_000, 2_000]];
    expect(deltas(heapEvidence(readings(rounds)))).toEqual(rounds.map(([heap]) => heap));
  });

  it('keeps every round of readings without code figures (plain rounds)', () => {
    const rounds: Array<[number, number]> = [[12_000, 8_000], [150, 0], [300, 0], [200, 0], [100, 0]];
    expect(deltas(heapEvidence(readings(rounds, false)))).toEqual(rounds.map(([heap]) => heap));
  });
});

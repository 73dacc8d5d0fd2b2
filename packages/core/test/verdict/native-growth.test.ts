import { describe, expect, it } from 'vitest';
import { nativeKeptGrowing } from '../../src/verdict/explain/native-growth.js';

const flat = { external: 0, arrayBuffers: 0, malloc: 0 };

describe('native growth no heap object accounts for', () => {
  it('is a finding when it kept its pace over the explanation', () => {
    expect(nativeKeptGrowing({ ...flat, external: 4096 }, 'external', 4100)).toBe(true);
    expect(nativeKeptGrowing({ ...flat, malloc: 30 }, 'malloc', 40)).toBe(true);
  });

  it('is no finding when it stopped: flat or far slower after the rounds', () => {
    expect(nativeKeptGrowing(flat, 'external', 21)).toBe(false);
    expect(nativeKeptGrowing({ ...flat, external: 5 }, 'external', 21)).toBe(false);
    expect(nativeKeptGrowing({ ...flat, arrayBuffers: -100 }, 'arrayBuffers', 4096)).toBe(false);
  });

  it('reads the figure that grew, not another', () => {
    expect(nativeKeptGrowing({ ...flat, malloc: 4096 }, 'external', 4096)).toBe(false);
    expect(nativeKeptGrowing(flat, 'heapUsed', 0)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { SurvivorGroup } from '../../src/analyzers/survivors.js';
import { heldByLeakingHandle } from '../../src/analyzers/holder-groups.js';

/** Only the fields the judgement reads. */
const group = (fields: Partial<SurvivorGroup>): SurvivorGroup =>
  ({ name: 'Promise', pathText: '(closure) reject → … 2 internal hops … → Promise', retainerPath: [], ...fields }) as SurvivorGroup;
const throughTimer = [{ node: 'Timeout', edge: '_onTimeout' }, { node: '(closure) reject', edge: 'context' }, { node: 'Promise' }];

describe('a heap group that belongs to a handle left open', () => {
  it('a promise a library timer keeps, its hops elided from the printed path: part of the timer', () => {
    expect(heldByLeakingHandle(group({ retainerPath: throughTimer }))).toBe(true);
  });

  it("a user's collection that grows, reached through a leaking interval: its own finding", () => {
    const holder = { node: 1, label: 'Array', edge: 'array elements' } as SurvivorGroup['holder'];
    expect(heldByLeakingHandle(group({ name: 'Buffer', holder, retainerPath: throughTimer }))).toBe(false);
  });

  it('nothing of a handle on the path: not the handle', () => {
    expect(heldByLeakingHandle(group({ retainerPath: [{ node: '(module) cache', edge: 'x' }, { node: 'Promise' }] }))).toBe(false);
  });
});

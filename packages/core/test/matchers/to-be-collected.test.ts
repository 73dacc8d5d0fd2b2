import { describe, expect, it, vi } from 'vitest';
import { createToBeCollected } from '../../src/matchers/to-be-collected.js';
import { context, deps } from './fakes.js';

describe('toBeCollected', () => {
  it('passes when every object tracked under the name was collected', async () => {
    const checkTracked = vi.fn(async () => [{ name: 'session', collected: true }]);
    const result = await createToBeCollected(deps({ checkTracked })).call(context(), 'session');
    expect(result.pass).toBe(true);
    expect(checkTracked).toHaveBeenCalledWith('session');
    expect(result.message()).toContain('Expected "session" to be alive, but it has been garbage-collected.');
  });

  it('fails with the retainer path of each survivor', async () => {
    const checkTracked = async () => [
      { name: 'session', collected: true },
      { name: 'session', collected: false, retainerPath: '(module) sessions → Map → table[3] → Session' },
    ];
    const result = await createToBeCollected(deps({ checkTracked })).call(context(), 'session');
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('expect(name).toBeCollected()');
    expect(message).toContain('but 1 of 2 objects tracked under it are still reachable after a settled GC');
    expect(message).toMatch(/retained by\s+\(module\) sessions → Map → table\[3\] → Session/);
  });

  it('refuses the value itself, explaining that expect() would keep it alive', async () => {
    await expect(createToBeCollected(deps()).call(context(), { id: 1 })).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_USAGE',
      message: expect.stringContaining("then await expect('session').toBeCollected()"),
    });
  });
});

import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkLeak } from '../../src/verdict/check-leak.js';

const FAST = { callsPerRound: 50, rounds: 4, maxRounds: 4 };

describe('checkLeak: input is checked up front', () => {
  it('refuses a value that is not a function, naming what it got', async () => {
    await expect(checkLeak(42 as never)).rejects.toMatchObject({
      code: 'ERR_MEMSCOPE_NOT_A_FUNCTION',
      message: expect.stringContaining('got number'),
    });
  });

  it.each([
    [{ rounds: 1.5 }, '`rounds` must be an integer ≥ 3'],
    [{ timeout: -1 }, '`timeout` must be a positive number'],
    [{ kinds: ['heap', 'disk'] }, '`kinds` must be a non-empty array'],
    [{ threshold: 'small' }, '`threshold` must be a number'],
    [{ ignore: [{ constructor: 5 }] }, '`ignore[0].constructor` must be a string or RegExp'],
    [{ maxRounds: 3, rounds: 5 }, '`maxRounds` must be at least `rounds`'],
    [{ warmpu: 3 }, '`warmpu` must be one of the known options'],
  ])('names the option in %j', async (options, message) => {
    await expect(checkLeak(() => 1, options as never)).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_INVALID_OPTION', message: expect.stringContaining(message) });
  });

  it('reports a throwing function with its error and the call number, not a verdict', async () => {
    let calls = 0;
    const failure = checkLeak(() => {
      if (++calls === 7) throw new TypeError('config missing');
    }, FAST);
    await expect(failure).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_FN_THREW', message: expect.stringMatching(/call 7: TypeError: config missing/) });
  });

  it('reports non-Error throws and rejections readably', async () => {
    await expect(checkLeak(() => { throw null; }, FAST)).rejects.toMatchObject({ message: expect.stringContaining('call 1: null') });
    await expect(checkLeak(() => Promise.reject('nope'), FAST)).rejects.toMatchObject({ message: expect.stringContaining('call 1: "nope"') });
  });

  it('times out a call that never settles', async () => {
    await expect(checkLeak(() => new Promise(() => {}), { ...FAST, timeout: 50 })).rejects.toMatchObject({ code: 'ERR_MEMSCOPE_TIMEOUT' });
  });

  it('serializes two verdicts started at once instead of mixing their measurements', async () => {
    const order: string[] = [];
    const first = checkLeak(() => { order.push('a'); }, FAST);
    const second = checkLeak(() => { order.push('b'); }, FAST);
    const [a, b] = await Promise.all([first, second]);
    expect(a.leaked).toBe(false);
    expect(b.leaked).toBe(false);
    expect(order.lastIndexOf('a')).toBeLessThan(order.indexOf('b'));
  });

  it('says which capture ran and carries its statistics', async () => {
    const result = await checkLeak(() => [1, 2, 3].map(String), FAST);
    expect(['native', 'js']).toContain(result.capture);
    expect(result.stats.rounds).toBeGreaterThanOrEqual(4);
    expect(result.stats.growth.map((g) => g.figure)).toContain('heapUsed');
    expect(result.leaked).toBe(false);
    // Clean code takes no snapshot unless noise made the screen ambiguous (then one explanation: one snapshot, two on the pure-JS path).
    expect(result.stats.snapshots).toBeLessThanOrEqual(result.capture === 'js' ? 2 : 1);
  });
});

describe('checkLeak: the built package', () => {
  const built = existsSync(new URL('../../dist/index.js', import.meta.url));
  it('loads from CommonJS and ESM in a plain node process with no flags', () => {
    expect(built, 'run `npm run build` first').toBe(true);
    const script = (source: string, type: string) =>
      execFileSync(process.execPath, ['--input-type=' + type, '-e', source], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    const leak = 'const m = new Map(); let n = 0; checkLeak(() => m.set(n++, { n })).then((r) => console.log(r.leaked, r.findings[0].kind));';
    expect(script(`const { checkLeak } = require('@memscope/core'); ${leak}`, 'commonjs').trim()).toBe('true heap');
    expect(script(`import { checkLeak } from '@memscope/core'; ${leak}`, 'module').trim()).toBe('true heap');
  });
});

import { describe, it, expect } from 'vitest';
import { vi } from 'vitest';
vi.mock('../../src/capture/index.js', async () => { const { createJsCapture } = await import('../../src/capture/js.js'); const c = createJsCapture(); return { getCapture: () => c }; });
import { checkLeak } from '../../src/verdict/check-leak.js';

class Session { constructor(public id: number, public user = { name: 'u' + id }) {} }
const sessions = new Map<number, Session>();
let n = 0;

describe('smoke', () => {
  it('finds a map leak', async () => {
    const r = await checkLeak(() => { n++; sessions.set(n, new Session(n)); });
    console.log(JSON.stringify(r, null, 1).slice(0, 3000));
    expect(r.leaked).toBe(true);
  });
  it('passes clean', async () => {
    const r = await checkLeak(() => { const a = []; for (let i = 0; i < 100; i++) a.push({ i }); return a.length; });
    console.log(JSON.stringify(r.stats));
    expect(r.leaked).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { survivorSiteWithoutSnapshot } from '../../src/verdict/explain/sampled-site.js';
import { captureFactories as paths } from '../support/capture-factories.js';

const sessions: Array<{ id: number; user: string; scopes: string[] }> = [];

/** Small enough for V8 to inline into the arrow that calls it. */
function login(user: string): void {
  sessions.push({ id: sessions.length, user, scopes: ['read', 'write', `user:${user}`] });
}


describe('the survivors’ allocation site without a heap snapshot', () => {
  it.each(paths)('names the function that made the objects the calls left behind (%s capture)', async (_path, create) => {
    const capture = await create();
    const runner = new CallRunner(() => login('ada'), 1000);
    await runner.run(5000); // hot: V8 inlines login into the arrow
    const site = await survivorSiteWithoutSnapshot(capture, runner, 4000, 'fast');
    sessions.length = 0;
    expect(site).toMatchObject({ functionName: 'login', source: 'sampled' });
    expect(site!.file).toMatch(/sampled-site\.test\.ts$/);
  });

  it.each(paths)('finds nothing in code that keeps nothing (%s capture)', async (_path, create) => {
    const capture = await create();
    const runner = new CallRunner(() => ({ user: 'ada', scopes: ['read'] }), 1000);
    await runner.run(2000);
    const site = await survivorSiteWithoutSnapshot(capture, runner, 4000, 'fast');
    expect(site, JSON.stringify(site)).toBeUndefined();
  });
});

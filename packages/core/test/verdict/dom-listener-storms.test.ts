import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { Window } from 'happy-dom';
import { countDomListenerStorms, domStormFindings } from '../../src/verdict/dom/dom-listener-storms.js';
import type { CallRunner } from '../../src/verdict/calls/call-runner.js';

type Scope = { window: any; document: any };

/** The calls of a verdict, without its machinery: `run(n)` calls `fn` n times. */
const runnerOf = (fn: () => void) => ({ run: async (n: number) => { for (let i = 0; i < n; i++) fn(); } }) as unknown as CallRunner;

const environments: [string, () => Scope][] = [
  ['jsdom', () => { const { window } = new JSDOM('<!doctype html><body></body>'); return { window, document: window.document }; }],
  ['happy-dom', () => { const window = new Window(); return { window, document: window.document }; }],
];

/** A widget that follows the window's width; `leak` forgets to stop on unmount. */
function widget(scope: Scope, leak: boolean) {
  return () => {
    const el = scope.document.createElement('div');
    scope.document.body.appendChild(el);
    const onResize = () => { el.dataset.width = String(scope.window.innerWidth); };
    scope.window.addEventListener('resize', onResize);
    if (!leak) scope.window.removeEventListener('resize', onResize);
    el.remove();
  };
}

describe.each(environments)('countDomListenerStorms under %s', (_name, make) => {
  it("finds the window gaining a 'resize' listener per call, with the function and a path from the window", async () => {
    const scope = make();
    const storms = await countDomListenerStorms(runnerOf(widget(scope, true)), 40, scope);
    expect(storms).toHaveLength(1);
    expect(storms[0]).toMatchObject({ targetName: 'window', events: ['resize'], perCall: 1 });
    expect(storms[0]!.listener?.name).toBe('onResize');
    expect(storms[0]!.path).toMatch(/^window → .*resize → Array → \[\d+\] → onResize$/);
    const [finding] = domStormFindings(storms, 512);
    expect(finding!.title).toMatch(/^window gains 'resize' listeners: \+1 per call \(512 B per call\), closures of onResize \(.*dom-listener-storms\.test\.ts:\d+\)$/);
    expect(finding!.allocationSite?.file).toMatch(/dom-listener-storms\.test\.ts$/);
  });

  it('finds nothing when every listener is removed on unmount, after one interval of calls', async () => {
    const scope = make();
    let calls = 0;
    const fixed = widget(scope, false);
    expect(await countDomListenerStorms(runnerOf(() => { calls++; fixed(); }), 40, scope)).toEqual([]);
    expect(calls).toBe(40);
  });

  it('finds nothing for a list that stops at a cap (a fixed pool of handlers)', async () => {
    const scope = make();
    let added = 0;
    const capped = () => { if (added++ < 50) scope.document.addEventListener('click', () => {}); };
    expect(await countDomListenerStorms(runnerOf(capped), 40, scope)).toEqual([]);
  });
});

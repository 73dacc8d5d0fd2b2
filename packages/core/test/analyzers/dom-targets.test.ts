import { describe, expect, it } from 'vitest';
import { domTargetName, fromDomWindow, withoutImplHops } from '../../src/analyzers/dom-targets.js';

describe('domTargetName', () => {
  it("names jsdom's and happy-dom's event targets as a component's author does", () => {
    expect(domTargetName('Window')).toBe('window');
    expect(domTargetName('GlobalWindow')).toBe('window');
    expect(domTargetName('EventTargetImpl', 'Window')).toBe('window');
    expect(domTargetName('DocumentImpl')).toBe('document');
    expect(domTargetName('HTMLDocument')).toBe('document');
    expect(domTargetName('HTMLDivElementImpl')).toBe('HTMLDivElement');
    expect(domTargetName('HTMLButtonElement')).toBe('HTMLButtonElement');
  });

  it('leaves anything else alone: a plain EventTarget, a Node emitter', () => {
    expect(domTargetName('EventTargetImpl')).toBeUndefined();
    expect(domTargetName('Socket')).toBeUndefined();
    expect(domTargetName('Object')).toBeUndefined();
  });
});

describe('fromDomWindow', () => {
  const jsdomPath = [
    { node: 'system / NativeContext', edge: 'extension' },
    { node: 'global', edge: 'jsdom' },
    { node: 'JSDOM', edge: '<symbol window>' },
    { node: 'Window', edge: '<symbol impl>' },
    { node: 'EventTargetImpl', edge: '_eventListeners' },
    { node: 'Object', edge: 'resize' },
    { node: 'Array', edge: '[12]' },
    { node: 'Object' },
  ];

  it("starts at the window and folds jsdom's wrapper-to-implementation hop", () => {
    expect(fromDomWindow(jsdomPath, 6)).toEqual([
      { node: 'window', edge: '_eventListeners' },
      { node: 'Object', edge: 'resize' },
      { node: 'Array', edge: '[12]' },
      { node: 'Object' },
    ]);
  });

  it("keeps the user's own variable when one lies past the window", () => {
    const viaModule = [...jsdomPath.slice(0, 4), { node: 'EventTargetImpl', edge: 'store' }, { node: '(module)', edge: 'cache' }, { node: 'Map' }];
    expect(fromDomWindow(viaModule, 6)).toBeUndefined();
  });

  it('says nothing for a path without a window', () => {
    expect(fromDomWindow([{ node: '(module)', edge: 'cache' }, { node: 'Map' }], 1)).toBeUndefined();
  });

  it('folds only a hop that has a step after it', () => {
    expect(withoutImplHops([{ node: 'Window', edge: '<symbol impl>' }])).toEqual([{ node: 'Window', edge: '<symbol impl>' }]);
  });
});

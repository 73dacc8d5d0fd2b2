// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';

// jsdom links an element's children through tree records (each child's
// record points at the next child), so elements kept per call in one parent
// form a list linked through records of another kind: they are still one
// population, found and named after the element that keeps them.

const parking = document.createElement('div');
/** A drawer parked, once closed, in a container that is never attached. */
function parkDrawer(): void {
  const drawer = document.createElement('aside');
  drawer.innerHTML = '<h3>menu</h3><ul><li>a</li><li>b</li></ul>';
  document.body.appendChild(drawer);
  drawer.remove();
  parking.appendChild(drawer);
}

/** A toast shown and never taken down. */
function showToast(leak: boolean): void {
  const toast = document.createElement('div');
  toast.innerHTML = '<p>saved</p>';
  document.body.appendChild(toast);
  if (!leak) toast.remove();
}

const history = document.createElement('ul');
/** Items added to a list that is never attached, one per call. */
function addItem(): void {
  const item = document.createElement('li');
  item.textContent = 'step';
  history.appendChild(item);
}

const LIMIT = { timeLimit: 120_000 };

/** Each leak, and the one finding it reads as. */
const LEAKS: Array<[string, () => void, RegExp]> = [
  ['a drawer parked per call in a detached container, with its nodes, held by the container', parkDrawer, /^detached <aside> subtrees: \+1 per call \(.+ per call, 8 nodes each\), held by <div> parking$/],
  ['a toast left in the page per call, held by <body>', () => showToast(true), /^<div> elements left in the page: \+1 per call \(.+ per call, 3 nodes each\), held by <body>$/],
  ['items of the same tag added per call to a detached list', addItem, /^detached <li> subtrees: \+1 per call \(.+ per call, 2 nodes each\), held by <ul> history$/],
];

describe('DOM kept through its parent under jsdom', () => {
  it.each(LEAKS)('finds %s', async (_, leak, title) => {
    const result = await checkLeak(leak, LIMIT);
    expect(result.findings.map((f) => f.title)).toEqual([expect.stringMatching(title)]);
  }, 180_000);

  it('passes a toast taken down after it showed', async () => {
    const result = await checkLeak(() => showToast(false), LIMIT);
    expect(result.findings).toEqual([]);
    expect(result.leaked).toBe(false);
  }, 180_000);
});

import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { CartBadge, COMPACT_BELOW_PX } from '../src/CartBadge.js';
import { cart } from '../src/cart-store.js';

function resizeWindowTo(width: number) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  fireEvent(window, new Event('resize'));
}

// Testing Library unmounts after each test on its own only where the runner's
// hooks are globals; this suite imports them, so it says so.
afterEach(() => {
  cleanup();
  cart.clear();
  resizeWindowTo(1024);
});

test('the badge counts the items in the cart as they are added', () => {
  render(<CartBadge />);
  expect(screen.getByRole('status').textContent).toBe('0 items in cart');
  act(() => cart.add('apple'));
  expect(screen.getByRole('status').textContent).toBe('1 item in cart');
});

test('on a narrow window the badge shows the bare count', () => {
  act(() => cart.add('apple'));
  render(<CartBadge />);
  act(() => resizeWindowTo(COMPACT_BELOW_PX - 1));
  expect(screen.getByRole('status').textContent).toBe('1');
  expect(screen.getByRole('status').getAttribute('aria-label')).toBe('1 item in cart');
});

test('an unmounted badge leaves nothing behind', async () => {
  // cleanup(), not the unmount() that render() returns: unmount() leaves the
  // container <div> in document.body and in Testing Library's list of mounted
  // roots until the test ends, a real growth per call that is not the badge's.
  await expect(() => {
    render(<CartBadge />);
    cleanup();
  }).not.toLeak();
});

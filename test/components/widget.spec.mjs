import { createRequire } from 'node:module';
import { expect, test, vi } from 'vitest';

const { mount, openAndClosePanel } = createRequire(import.meta.url)('./widget.cjs');

test('leaking widget', async () => {
  await expect(() => mount(true)()).not.toLeak();
});

test('leaking widget under fake timers', async () => {
  vi.useFakeTimers();
  try {
    await expect(() => mount(true)()).not.toLeak();
  } finally {
    vi.useRealTimers();
  }
});

test('fixed widget', async () => {
  await expect(() => mount(false)()).not.toLeak();
});

test('fixed widget under fake timers', async () => {
  vi.useFakeTimers();
  try {
    await expect(() => mount(false)()).not.toLeak();
  } finally {
    vi.useRealTimers();
  }
});

test('closed panels kept in a list', async () => {
  await expect(openAndClosePanel).not.toLeak();
});

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

// Its own long timeout: naming detached DOM takes a heap snapshot, seconds
// on a jsdom heap; the widget's tests keep the runner's default 5 s.
test('closed panels kept in a list', async () => {
  await expect(openAndClosePanel).not.toLeak();
}, 300_000);

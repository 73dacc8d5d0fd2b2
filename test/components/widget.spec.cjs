const { mount } = require('./widget.cjs');

test('leaking widget', async () => {
  await expect(() => mount(true)()).not.toLeak();
});

test('leaking widget under fake timers', async () => {
  jest.useFakeTimers();
  try {
    await expect(() => mount(true)()).not.toLeak();
  } finally {
    jest.useRealTimers();
  }
});

test('fixed widget', async () => {
  await expect(() => mount(false)()).not.toLeak();
});

test('fixed widget under fake timers', async () => {
  jest.useFakeTimers();
  try {
    await expect(() => mount(false)()).not.toLeak();
  } finally {
    jest.useRealTimers();
  }
});

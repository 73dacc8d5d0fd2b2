import { expect, test } from 'vitest';
import { track } from '@memscope/vitest';
import { EventBus } from '../src/event-bus.js';

type Events = { tick: number };

test('subscribers receive events until they unsubscribe', () => {
  const bus = new EventBus<Events>();
  const seen: number[] = [];
  const off = bus.on('tick', (n) => seen.push(n));
  bus.emit('tick', 1);
  off();
  bus.emit('tick', 2);
  expect(seen).toEqual([1]);
  expect(bus.listenerCount('tick')).toBe(0);
});

test('subscribing and unsubscribing leaves nothing behind', async () => {
  const bus = new EventBus<Events>();
  await expect(() => {
    const off = bus.on('tick', () => {});
    bus.emit('tick', 1);
    off();
  }).not.toLeak({ callsPerRound: 200 });
});

test('an unsubscribed handler can be garbage-collected', async () => {
  const bus = new EventBus<Events>();
  const off = bus.on('tick', track(() => {}, 'tick handler'));
  off();
  await expect('tick handler').toBeCollected();
});

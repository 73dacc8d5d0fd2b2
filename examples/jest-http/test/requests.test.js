'use strict';

const { track } = require('@memscope/jest');
const { createApp, parseCookies } = require('../src/server.js');
const { client, quickGetter } = require('./client.js');

let app;
let http;
let quick;
beforeAll(async () => {
  app = createApp();
  const base = await app.listen(0);
  http = client(base);
  quick = quickGetter(base);
});
afterAll(() => {
  quick.close();
  return app.close();
});

test('the health check answers', async () => {
  expect(await http.get('/health')).toEqual({ status: 200, body: { ok: true } });
});

test('a request leaves no listener behind', async () => {
  await expect(() => quick.get('/health')).not.toLeak({ callsPerRound: 30, maxRounds: 8 });
});

test("a finished request's shutdown listener can be garbage-collected", async () => {
  app.events.once('newListener', (event, listener) => track(listener, 'shutdown listener'));
  await http.get('/health');
  await expect('shutdown listener').toBeCollected();
});

test('parsing a cookie header allocates under 8 KiB', async () => {
  expect(parseCookies('sid=abc; theme=dark')).toEqual({ sid: 'abc', theme: 'dark' });
  await expect(() => parseCookies('sid=abc; theme=dark')).toAllocateAtMost(8 * 1024);
});

'use strict';

const { task } = require('@memscope/jest');
const { createApp } = require('../src/server.js');
const { SessionStore } = require('../src/session-store.js');
const { client } = require('./client.js');

// 200 requests between two measurements is plenty for a leak of one object per request.
const VERDICT = { callsPerRound: 200, maxRounds: 8 };

let app;
let http;
beforeAll(async () => {
  app = createApp({ store: new SessionStore({ maxSessions: 50 }) });
  http = client(await app.listen(0));
});
afterAll(() => app.close());

test('a user logs in, is recognised, and logs out', async () => {
  // Each task() is a child of this test in the report, with its own figures.
  const sid = await task('log in', () => http.login('ada'));
  expect(await http.get('/me', sid)).toEqual({ status: 200, body: { user: 'ada', visits: 1 } });
  expect(await task('log out', () => http.logout(sid))).toBe(204);
  expect((await http.get('/me', sid)).status).toBe(401);
});

test('the store keeps at most maxSessions sessions', async () => {
  const store = new SessionStore({ maxSessions: 50 });
  await expect(() => store.create('ada')).not.toLeak(VERDICT);
  expect(store.size).toBeLessThanOrEqual(50);
});

test('a thousand logins keep under 96 KiB alive', async () => {
  const store = new SessionStore({ maxSessions: 50 });
  // Warm up past the first evictions, so the code that prunes is compiled
  // before the measurement starts: compiled code is not what the store keeps.
  // The budget still leaves room for code V8 finishes late on a busy machine
  // (82 KiB read once under load); a store keeping every session keeps more.
  await expect(() => store.create('grace')).toRetainAtMost(96 * 1024, { calls: 1000, warmup: 200 });
});

'use strict';
// Each case leaks; the failure's `allocated at` is what the suite checks.
const cases = require('./cases.json');

const FAST = { callsPerRound: 300, maxRounds: 8 };

test.each(cases.map((c) => c.name))('js %s', async (name) => {
  await expect(require(`./js/${name}`)).not.toLeak(FAST);
});

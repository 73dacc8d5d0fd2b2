'use strict';
// One pass over the corpus in this process, one JSON line per case.
// MEMSCOPE_CORE lets a long stability run use a frozen copy of the build.
const { checkLeak } = require(process.env.MEMSCOPE_CORE || '@memscope/core');
const { allCases, runCase } = require('./run-case.cjs');

(async () => {
  for (const testCase of allCases()) {
    const { ok, problems, result } = await runCase(checkLeak, testCase).catch((error) => ({ ok: false, problems: [String(error)] }));
    const ms = result ? Math.round(result.stats.timeMs.total) : undefined;
    // On a wrong verdict, the screen's figures: enough to tell noise from a blind spot.
    const growth = ok ? undefined : result?.stats.growth.map((g) => `${g.figure} ${g.medianPerCall.toFixed(1)} B/call (noise ${Math.round(g.noise)})`).join(', ');
    console.log(JSON.stringify({ name: testCase.name, expected: testCase.expected, ok, problems, ms, rounds: result?.stats.rounds, callsPerRound: result?.stats.callsPerRound, growth }));
  }
})();

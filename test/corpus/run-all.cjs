'use strict';
// One pass over the corpus in this process, one JSON line per case.
// MEMSCOPE_CORE lets a long stability run use a frozen copy of the build.
const { checkLeak } = require(process.env.MEMSCOPE_CORE || '@memscope/core');
const { allCases, runCase } = require('./run-case.cjs');

(async () => {
  for (const testCase of allCases()) {
    const { ok, problems } = await runCase(checkLeak, testCase).catch((error) => ({ ok: false, problems: [String(error)] }));
    console.log(JSON.stringify({ name: testCase.name, expected: testCase.expected, ok, problems }));
  }
})();

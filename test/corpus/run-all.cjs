'use strict';
// One pass over the corpus in this process, one JSON line per case.
const { checkLeak } = require('@memscope/core');
const { allCases, runCase } = require('./run-case.cjs');

(async () => {
  for (const testCase of allCases()) {
    const { ok, problems } = await runCase(checkLeak, testCase).catch((error) => ({ ok: false, problems: [String(error)] }));
    console.log(JSON.stringify({ name: testCase.name, expected: testCase.expected, ok, problems }));
  }
})();

'use strict';
// Plain Node, no transform: each JavaScript case through checkLeak on the
// capture MEMSCOPE_CAPTURE picks; one JSON line per case on stdout.
const path = require('node:path');
const { checkLeak } = require('@memscope/core');
const cases = require('../cases.json');

const FAST = { callsPerRound: 300, maxRounds: 8 };

(async () => {
  for (const { name } of cases) {
    const started = performance.now();
    const result = await checkLeak(require(path.join(__dirname, '../js', name)), FAST);
    const findings = result.findings.map((f) => ({ title: f.title, site: f.allocationSite }));
    process.stdout.write(`${JSON.stringify({ name, capture: result.capture, ms: Math.round(performance.now() - started), explainMs: Math.round(result.stats.timeMs.explain), findings })}\n`);
  }
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});

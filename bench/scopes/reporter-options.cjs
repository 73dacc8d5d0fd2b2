'use strict';
// The memscope reporter's options in the bench: the user's defaults (JSON
// and HTML report, summary) except where the report goes and the baseline
// (none here, so the run never fails on one).
const os = require('node:os');
const path = require('node:path');

function reporterOptions(mode) {
  const outputDir = process.env.MEMSCOPE_BENCH_REPORT_DIR ?? path.join(os.tmpdir(), 'memscope-scopes-bench-report');
  return { mode, outputDir, baseline: false };
}

module.exports = { reporterOptions };

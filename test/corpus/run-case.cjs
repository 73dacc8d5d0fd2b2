'use strict';
// Runs one corpus case through a checkLeak implementation and says whether the
// verdict matched what the case expects.
const fs = require('node:fs');
const path = require('node:path');

const leaks = require('./leaks.cjs');
const clean = require('./clean.cjs');

function siteLine(marker) {
  const lines = fs.readFileSync(path.join(__dirname, 'leaks.cjs'), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`@site:${marker}`));
  return index + 1;
}

function allCases() {
  return [
    ...leaks.map((c) => ({ ...c, expected: 'leak', line: siteLine(c.name) })),
    ...clean.map((c) => ({ ...c, expected: 'clean' })),
  ];
}

/** Returns { ok, problems[], result } for one case. */
async function runCase(checkLeak, testCase) {
  const { fn, cleanup, calls } = testCase.create();
  const options = calls ? { callsPerRound: calls } : {};
  if (process.env.MEMSCOPE_CORPUS_GC) options.gc = process.env.MEMSCOPE_CORPUS_GC;
  let result;
  try {
    result = await checkLeak(fn, options);
  } finally {
    await cleanup?.();
  }
  const problems = [];
  if (testCase.expected === 'clean') {
    if (result.leaked) problems.push(`false positive: ${result.findings.map((f) => f.title).join('; ')}`);
    return { ok: problems.length === 0, problems, result };
  }
  if (!result.leaked) {
    problems.push(`missed: ${result.stats.reason}`);
    return { ok: false, problems, result };
  }
  // A leak can show as several findings (a Map's entries and their values):
  // judge the one that points at the case's allocation line, if any.
  const ofKind = result.findings.filter((f) => f.kind === testCase.kind);
  const finding =
    ofKind.find((f) => f.allocationSite?.line === testCase.line || (f.creationStack?.[0] ?? '').includes(`leaks.cjs:${testCase.line}:`)) ?? ofKind[0];
  if (!finding) {
    problems.push(`no ${testCase.kind} finding; got ${result.findings.map((f) => `${f.kind}: ${f.title}`).join('; ')}`);
    return { ok: false, problems, result };
  }
  if (testCase.kind === 'handle') {
    if (finding.resourceType !== testCase.resourceType) problems.push(`resource ${finding.resourceType}, expected ${testCase.resourceType}`);
    const where = finding.creationStack?.[0] ?? '';
    if (!where.includes(`leaks.cjs:${testCase.line}:`)) problems.push(`creation stack ${where}, expected leaks.cjs:${testCase.line}`);
  } else {
    const holderText = `${finding.holder ?? ''} ${finding.retainerPathText ?? ''}`;
    if (!testCase.holder.test(holderText)) problems.push(`holder/path "${holderText}" does not match ${testCase.holder}`);
    const site = finding.allocationSite;
    if (!site || !site.file.endsWith('leaks.cjs') || site.line !== testCase.line) {
      problems.push(`allocation site ${site ? `${path.basename(site.file)}:${site.line}` : 'missing'}, expected leaks.cjs:${testCase.line}`);
    }
  }
  return { ok: problems.length === 0, problems, result };
}

module.exports = { allCases, runCase };

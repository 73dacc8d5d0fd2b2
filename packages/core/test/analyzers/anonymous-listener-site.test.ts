import { describe, expect, it } from 'vitest';
import { runFixtureChild } from '../support/fixture-child.js';
import { analyzerFixture, onlyStormFinding, type PrintedFinding } from '../support/listener-finding.js';

const { file: fixture, lineOf } = analyzerFixture('anonymous-abort-listener.cjs');
/** The line of the arrow the signal keeps, marked `// @listener` in the fixture. */
const listenerLine = lineOf('// @listener');

// p-timeout 6.1.2, p-map 7.0.2 and p-queue 9.0.0 leak this shape: an anonymous
// arrow added to the caller's AbortSignal inside a promise executor. The
// Listener record is allocated in Node's event_target, under the library's
// function that called addEventListener: the site is the arrow's own line.
describe('an anonymous listener left on an AbortSignal', () => {
  it.each(['native', 'js'] as const)('is sited at the arrow and read from the signal on the %s capture', (capture) => {
    const finding = onlyStormFinding(fixture, capture, `${fixture}:${listenerLine}`);
    expect(finding.title).toMatch(new RegExp(`^listeners of 'abort' on AbortSignal: \\+1 per call .*anonymous-abort-listener\\.cjs:${listenerLine}\\)$`));
    // From the user's variable to the signal, then the listener's place: no EventTarget, no Map table, no linked records.
    // The preview shows the function the record runs, not Node's linked Listener record.
    expect(finding.preview).toBe('[Function anonymous] () => { // @listener');
    expect(finding.path).toMatch(/^\(module\) shutdown → AbortController → #signal → AbortSignal → listeners\[\d+\] → Listener$/);
  });
});

// Node's record is a class named Listener; a user's class of that name that
// runs no callback is still sited where the user makes it.
const userFixture = analyzerFixture('user-listener-class.cjs');

describe("a user's own class named Listener", () => {
  it.each(['native', 'js'] as const)('is sited where the user makes it on the %s capture', (capture) => {
    const run = runFixtureChild<PrintedFinding[]>(userFixture.file, capture);
    expect(run.printed, run.output).toBeDefined();
    expect(run.printed!.map((finding) => finding.site), run.output).toContain(`${userFixture.file}:${userFixture.lineOf('// @made')}`);
  });
});

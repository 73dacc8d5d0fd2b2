import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindSiteInScript } from '../../src/analyzers/allocation-site.js';
import { analyzerFixture, onlyStormFinding } from '../support/listener-finding.js';

// A listener added with once() or as a bound method is a bound function in
// the heap (V8 names it native_bind): the finding names the function it runs
// and sites it where the user's code makes it, not at whichever function
// allocated the most bytes meanwhile. @szmarczak/http-timer 1.0.2 (once) and
// winston 3.3.3 (bind) leak these shapes.
describe('a listener that is a bound function', () => {
  it.each(['native', 'js'] as const)("added with once() is named and sited at the function once() was given, on the %s capture", (capture) => {
    const { file, lineOf } = analyzerFixture('once-socket-listener.cjs');
    const finding = onlyStormFinding(file, capture, `${file}:${lineOf('// @listener')}`);
    expect(finding.title).not.toMatch(/native_bind/);
    expect(finding.title).toMatch(new RegExp(`^listeners of 'lookup' on EventEmitter: \\+1 per call .*once-socket-listener\\.cjs:${lineOf('// @listener')}\\)$`));
  });

  it.each(['native', 'js'] as const)('made with bind() is named after its method and sited at the bind, on the %s capture', (capture) => {
    const { file, lineOf } = analyzerFixture('bound-process-listener.cjs');
    const finding = onlyStormFinding(file, capture, `${file}:${lineOf('// @bound')}`);
    expect(finding.title).toMatch(new RegExp(`closures of onCrash \\(.*bound-process-listener\\.cjs:${lineOf('// @method')}\\)$`));
  });
});

// The sampling profiler seldom catches a 32-byte bound function: without a
// sampled `.bind(` line the site is read from the script of the bound method.
describe('bindSiteInScript', () => {
  const folder = mkdtempSync(join(tmpdir(), 'memscope-bind-'));
  const script = (name: string, text: string) => {
    const file = join(folder, name);
    writeFileSync(file, text);
    return file;
  };

  it('finds the one line that binds the method', () => {
    const file = script('one.js', ['class Handler {', '  handle() {', '    this.catcher = this._uncaughtException.bind(this);', '  }', '  _uncaughtException() {}', '}'].join('\n'));
    expect(bindSiteInScript(file, '_uncaughtException')).toMatchObject({ file, line: 3, column: 25, source: 'inferred' });
  });

  it('gives no site when two lines bind it, or none does', () => {
    const twice = script('twice.js', 'a = this.onCrash.bind(this);\nb = this.onCrash.bind(other);\n');
    expect(bindSiteInScript(twice, 'onCrash')).toBeUndefined();
    const never = script('never.js', 'const onCrash = () => {};\n');
    expect(bindSiteInScript(never, 'onCrash')).toBeUndefined();
  });
});

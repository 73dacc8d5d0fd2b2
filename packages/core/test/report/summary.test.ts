import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../src/baseline/judge.js';
import { buildRunReport } from '../../src/report/build.js';
import { colorEnabled, createColors } from '../../src/report/colors.js';
import { createProgressLine } from '../../src/report/progress.js';
import { formatSummary } from '../../src/report/summary.js';
import { EXPECTED_FILES, RUN, sampleFiles } from './fixtures.js';

function reportWithRegression() {
  const files = sampleFiles();
  const draft = buildRunReport({ files, run: RUN });
  const baseline = compareWithBaseline(draft.tasks, {
    path: 'memscope.baseline.json',
    data: {
      schemaVersion: 1, kind: 'memscope-baseline', mode: 'sampled', figures: ['allocated'],
      tests: {
        'src/cache.test.ts > Cache > keeps sessions': { file: 'src/cache.test.ts', path: ['Cache', 'keeps sessions'], figures: { allocated: { value: 1024 * 1024, source: 'sampled' } } },
        'src/gone.test.ts > old': { file: 'src/gone.test.ts', path: ['old'], figures: { allocated: { value: 1, source: 'sampled' } } },
      },
    },
  });
  return buildRunReport({ files, run: RUN, expectedFiles: EXPECTED_FILES, baseline });
}

const written = { json: '/project/memscope-report/report.json', html: '/project/memscope-report/index.html' };

describe('terminal summary', () => {
  it('reads as a diagnosis with colour off', () => {
    const text = formatSummary(reportWithRegression(), { colors: createColors(false), written, cwd: '/project' });
    expect(text).not.toContain('\x1b[');
    expect(text).toMatchSnapshot();
  });

  it('names the regressed test, figure, old and new value and tolerance', () => {
    const text = formatSummary(reportWithRegression(), { colors: createColors(false) });
    expect(text).toContain('✗ src/cache.test.ts > Cache > keeps sessions  allocated 1.0 MiB → 2.9 MiB (limit 2.0 MiB: +50 % or +1.0 MiB)');
  });

  it('colours problems when colour is on', () => {
    const text = formatSummary(reportWithRegression(), { colors: createColors(true), written });
    expect(text).toContain('\x1b[31m');
    expect(text.replace(/\x1b\[\d+m/g, '')).toBe(formatSummary(reportWithRegression(), { colors: createColors(false), written }));
  });

  it('escapes control characters in test names', () => {
    const files = sampleFiles();
    files[1]!.tasks[0]!.path = ['starts \x1b[2Jnow\nreally'];
    const text = formatSummary(buildRunReport({ files, run: RUN }), { colors: createColors(false) });
    expect(text).toContain('starts \\x1b[2Jnow\\nreally');
    expect(text).not.toContain('\x1b');
  });

  it("says a handle was opened inside Node when no frame of the user's is on its creation stack", () => {
    const files = sampleFiles();
    files[1]!.tasks[0]!.handles = [
      { type: 'TCPWRAP', stack: [] },
      { type: 'Timeout', stack: ['at initAsyncResource (node:internal/timers:165:5)', 'at new Timeout (node:internal/timers:199:5)'] },
    ];
    const text = formatSummary(buildRunReport({ files, run: RUN }), { colors: createColors(false) });
    expect(text).toContain('TCPWRAP opened inside Node (no frame of the test or its code on the stack)');
    expect(text).toContain('Timeout opened inside Node (no frame of the test or its code on the stack)');
    expect(text).not.toContain('initAsyncResource');
  });

  it('is short for a clean run', () => {
    const report = buildRunReport({ files: [], run: { ...RUN, shard: { index: 2, count: 3 } } });
    expect(formatSummary(report, { colors: createColors(false) })).toBe(
      'memscope 0 tests in 0 files (vitest 4.1.12 · sampled figures · native capture · shard 2/3)\n  0 passed · no leaks · no baseline',
    );
  });
});

describe('colour choice', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
  ])('stream %o with env %o → %s', (stream, env, expected) => {
    expect(colorEnabled(stream, env)).toBe(expected);
  });
});

describe('progress line', () => {
  function capture(isTTY: boolean) {
    const out: string[] = [];
    return { out, stream: { isTTY, columns: 40, write: (s: string) => out.push(s) } };
  }

  it('rewrites one line on a TTY, cut to the width, and clears it when done', () => {
    const { out, stream } = capture(true);
    const line = createProgressLine(stream);
    line.explaining('src/a.test.ts > grows');
    line.explaining('src/a.test.ts > a test with a much longer name');
    line.done();
    expect(out).toEqual([
      '\r\x1b[2Kmemscope: explaining leak in src/a.tes…',
      '\r\x1b[2Kmemscope: explaining leak in src/a.tes…',
      '\r\x1b[2K',
    ]);
  });

  it('prints each message once on its own line elsewhere', () => {
    const { out, stream } = capture(false);
    const line = createProgressLine(stream);
    line.explaining('src/a.test.ts > grows');
    line.explaining('src/a.test.ts > grows');
    line.update('done\x07');
    line.done();
    expect(out).toEqual(['memscope: explaining leak in src/a.test.ts > grows…\n', 'done\\x07\n']);
  });
});

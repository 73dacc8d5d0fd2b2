import { describe, expect, it } from 'vitest';
import { analyzerFixture, onlyStormFinding } from '../support/listener-finding.js';

const bundle = analyzerFixture('bundled-exit-listener.cjs').file;
const source = analyzerFixture('bundled-exit-listener/src/provider.js');
/** The line of the arrow process keeps, marked `// @listener` in the bundle's source. */
const listenerLine = source.lineOf('// @listener');

// y-websocket 1.4.1's shape, shipped as a CommonJS bundle with its source map:
// the title names the same place as the site, the source's line, never the
// bundle's file without a line.
describe('a listener kept from a bundled library', () => {
  it.each(['native', 'js'] as const)('is titled at its source line, through the bundle\'s source map, on the %s capture', (capture) => {
    const finding = onlyStormFinding(bundle, capture, `${source.file}:${listenerLine}`);
    expect(finding.title).toMatch(new RegExp(`^listeners of 'exit' on process: \\+1 per call .*bundled-exit-listener/src/provider\\.js:${listenerLine}\\)$`));
  });
});

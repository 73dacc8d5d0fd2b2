import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markedLine, onlyStormFinding } from '../support/listener-finding.js';

const fixture = fileURLToPath(new URL('./fixtures/bundled-exit-listener.cjs', import.meta.url));
const source = fileURLToPath(new URL('./fixtures/bundled-exit-listener/src/provider.js', import.meta.url));
/** The line of the arrow process keeps, marked `// @listener` in the bundle's source. */
const listenerLine = markedLine(source, '// @listener');

// y-websocket 1.4.1's shape, shipped as a CommonJS bundle with its source map:
// the title names the same place as the site, the source's line, never the
// bundle's file without a line.
describe('a listener kept from a bundled library', () => {
  it.each(['native', 'js'] as const)('is titled at its source line, through the bundle\'s source map, on the %s capture', (capture) => {
    const finding = onlyStormFinding(fixture, capture);
    expect(finding.site).toBe(`${source}:${listenerLine}`);
    expect(finding.title).toMatch(new RegExp(`^listeners of 'exit' on process: \\+1 per call .*bundled-exit-listener/src/provider\\.js:${listenerLine}\\)$`));
  });
});

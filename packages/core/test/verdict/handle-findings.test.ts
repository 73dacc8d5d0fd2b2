import { describe, expect, it } from 'vitest';
import { handleFindings } from '../../src/verdict/explain/findings.js';
import type { HandleGroup } from '../../src/verdict/handles/handle-groups.js';

const REQUEST = 'at RedirectableRequest._performRequest (node_modules/follow-redirects/index.js:284:24)';
const group = (type: string, stack: string[], open = 40): HandleGroup => ({ type, stack, open, firstCall: 1, lastCall: 1000, perCall: 1 });

describe('handle findings', () => {
  it('a socket and its idle timer opened at one line are one finding, the socket first', () => {
    const findings = handleFindings([group('Timeout', [REQUEST]), group('TCPWRAP', [REQUEST])], 1000);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'handle', resourceType: 'TCPWRAP' });
    expect(findings[0]!.title).toMatch(/^TCPWRAP left open \(with its Timeout\): \+1 per call, created at RedirectableRequest\._performRequest/);
  });

  it('handles opened at different lines stay apart', () => {
    const findings = handleFindings([group('Timeout', ['at arm (/app/a.js:1:1)']), group('TCPWRAP', ['at connect (/app/b.js:2:2)'])], 1000);
    expect(findings.map((f) => f.resourceType)).toEqual(['Timeout', 'TCPWRAP']);
  });

  it('a group that stopped at a cap says over which calls it grew', () => {
    const [finding] = handleFindings([{ ...group('TCPWRAP', ['at open (/app/pool.js:3:3)'], 5), lastCall: 5 }], 1000);
    expect(finding!.title).toContain('over calls 1–5 (5 open, then no more)');
  });
});

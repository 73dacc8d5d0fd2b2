import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../src/report/build.js';
import { CONTENT_SECURITY_POLICY, embedJson, PAGE_SCRIPT, renderDashboard } from '../../src/report/html/render.js';
import { PAGE_STYLE } from '../../src/report/html/page-style.js';
import { RUN, sampleFiles, XSS_NAME } from './fixtures.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('dashboard html', () => {
  it('escapes <, U+2028 and U+2029 in the inlined data and keeps its value', () => {
    const value = { name: XSS_NAME, seps: 'a\u2028b\u2029c', comment: '<!-- x -->' };
    const text = embedJson(value);
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('has exactly its two script blocks, whatever the test names contain', () => {
    const html = renderDashboard(buildRunReport({ files: sampleFiles(), run: RUN }));
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).toContain('<script type="application/json" id="memscope-data">');
  });

  it('allows only its own script and style, by hash, and no network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src ${hash(PAGE_SCRIPT)}`);
    expect(CONTENT_SECURITY_POLICY).toContain(`style-src ${hash(PAGE_STYLE)}`);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = renderDashboard(buildRunReport({ files: [], run: RUN }));
    expect(html).toContain(`<script>${PAGE_SCRIPT}</script>`);
    expect(html).toContain(`<style>${PAGE_STYLE}</style>`);
  });

  it('never writes markup from data in the page script', () => {
    expect(PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    expect(PAGE_SCRIPT).not.toMatch(/<\/script|<!--/i);
    expect(PAGE_SCRIPT).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../packages/core/src/baseline/judge.js';
import { buildRunReport } from '../../packages/core/src/report/build.js';
import { CONTENT_SECURITY_POLICY } from '../../packages/core/src/report/html/render.js';
import { writeReports } from '../../packages/core/src/report/files/write.js';
import type { FileRecord, TaskNode } from '../../packages/core/src/tasks/types.js';
import type { Finding } from '../../packages/core/src/verdict/types.js';
import { RUN, task } from '../../packages/core/test/report/fixtures.js';
import { launchChromium, type Browser, type PageEvents } from './chromium.js';

/**
 * Every string of a report that reaches the dashboard comes from user code
 * or the user's file system. Here each one holds the same set of payloads,
 * behind a tag naming the field; the page must show each tagged string as
 * text, run none of it, load nothing, and keep a policy that would block
 * the payloads even if one slipped into the markup.
 */
const PAYLOADS = [
  '</script><img src=x onerror=alert(1)>',
  '<svg onload=alert(2)>',
  '<svg><script>window.__pwned=3</script></svg>',
  'javascript:alert(4)',
  '"><b>bold</b>',
  "'><iframe src=javascript:alert(5)>",
  '<a href="javascript:window.__pwned=6">link</a>',
  '<!-- <script>window.__pwned=7</script>',
  'line\u2028separator\u2029paragraph',
  '${alert(8)}',
  "{{constructor.constructor('alert(9)')()}}",
  '<base href="http://127.0.0.1:9/">',
  '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
  '<link rel=stylesheet href=http://127.0.0.1:9/x.css>',
  '&lt;b&gt; &amp; \\u003c/script>',
];
const PAYLOAD = PAYLOADS.join(' ');
/** The value of one field: its tag, then every payload. */
const hostile = (field: string) => `[${field}] ${PAYLOAD}`;

/** Every field the dashboard shows, by the tag its value carries. */
const FIELDS = [
  'file', 'describe', 'test', 'hook', 'newTest', 'error', 'handleType', 'handleStack', 'tracked', 'trackedPath',
  'findingTitle', 'group', 'holder', 'edge', 'root', 'rootEdge', 'target', 'siteFile', 'siteFunction', 'siteStack',
  'preview', 'cycle', 'pathText', 'resource', 'creationStack', 'runner', 'runnerVersion', 'node', 'projectRoot',
  'missingFile', 'duplicate', 'baselineFile', 'removedTest',
] as const;

function hostileReport() {
  const file = `${hostile('file')}.test.ts`;
  const fileId = `${file} (file)`;
  const describeId = `${file} > ${hostile('describe')}`;
  const testId = `${describeId} > ${hostile('test')}`;
  const heap: Finding = {
    kind: 'heap', title: hostile('findingTitle'), perCall: { count: 1, bytes: 64 }, name: hostile('group'),
    retainerPath: [{ node: hostile('root'), edge: hostile('rootEdge') }, { node: hostile('target') }],
    allocationSite: { file: hostile('siteFile'), line: 1, column: 2, functionName: hostile('siteFunction'), stack: [hostile('siteStack')], source: 'sampled' },
    preview: hostile('preview'), cycles: [hostile('cycle')],
  };
  const storm: Finding = {
    kind: 'storm', title: 'storm', perCall: { count: 1, bytes: 8 }, name: 'Listener', holder: hostile('holder'), growingEdge: hostile('edge'),
    retainerPathText: hostile('pathText'),
  };
  const handle: Finding = { kind: 'handle', title: 'handle', perCall: { count: 1, bytes: 0 }, resourceType: hostile('resource'), creationStack: [hostile('creationStack')] };
  const tasks: TaskNode[] = [
    task({ id: fileId, kind: 'file', name: file, path: [], file }),
    task({ id: describeId, kind: 'describe', name: hostile('describe'), path: [hostile('describe')], file, parentId: fileId }),
    task({
      id: `${describeId} > beforeEach`, kind: 'hook', hook: 'beforeEach', name: hostile('hook'), path: [hostile('describe'), hostile('hook')], file,
      parentId: describeId, figures: { allocated: { value: 10, source: 'sampled' } },
    }),
    task({
      id: testId, name: hostile('test'), path: [hostile('describe'), hostile('test')], file, parentId: describeId, state: 'failed',
      error: hostile('error'),
      figures: { allocated: { value: 9_000_000, source: 'sampled' }, retained: { value: 4096, source: 'measured' } },
      handles: [{ type: hostile('handleType'), stack: [hostile('handleStack')] }],
      findings: [heap, storm, handle],
      tracked: [{ name: hostile('tracked'), collected: false, retainerPath: hostile('trackedPath') }],
    }),
    task({
      id: `${describeId} > ${hostile('newTest')}`, name: hostile('newTest'), path: [hostile('describe'), hostile('newTest')], file, parentId: describeId,
      figures: { allocated: { value: 5, source: 'sampled' } },
    }),
  ];
  const records: FileRecord[] = [{ schemaVersion: 1, file, capture: 'native', mode: 'sampled', tasks }];
  const run = { ...RUN, node: hostile('node'), root: hostile('projectRoot'), runner: { name: hostile('runner'), version: hostile('runnerVersion') } };
  const draft = buildRunReport({ files: records, run });
  const baseline = compareWithBaseline(draft.tasks, {
    path: `${hostile('baselineFile')}.json`,
    data: {
      schemaVersion: 1, kind: 'memscope-baseline', mode: 'sampled', figures: ['allocated'],
      tests: {
        [testId]: { file, path: [hostile('test')], figures: { allocated: { value: 1000, source: 'sampled' } } },
        [hostile('removedTest')]: { file, path: [], figures: {} },
      },
    },
  });
  const report = buildRunReport({ files: records, run, baseline, expectedFiles: [file, `${hostile('missingFile')}.test.ts`] });
  return { ...report, duplicates: [hostile('duplicate')] };
}

let browser: Browser;
let workDir: string;
let html: string;

beforeAll(async () => {
  browser = await launchChromium();
  workDir = await mkdtemp(join(tmpdir(), 'memscope-hostile-'));
  html = (await writeReports(hostileReport(), { outDir: workDir })).html!;
});

afterAll(async () => {
  await browser?.close();
  await rm(workDir, { recursive: true, force: true });
});

/** What the payloads would leave behind had any of them been parsed as markup or run. */
async function traces(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlerAttributes: all.flatMap((node) => [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${node.tagName}[${a.name}]`)),
      javascriptUrls: all.flatMap((node) => [...node.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${node.tagName}[${a.name}]`)),
      injected: ['img', 'iframe', 'b', 'a', 'base', 'link', 'svg script'].map((s) => [s, document.querySelectorAll(s).length]),
      scripts: document.scripts.length,
      metas: document.querySelectorAll('meta').length,
      location: location.href,
    };
  });
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById('app')!.textContent ?? '');
}

/** Visits every page of the dashboard and returns all the text it showed. */
async function everyPageText(page: Page): Promise<string> {
  const seen = [await visibleText(page)];
  await page.getByRole('tab', { name: /Tests/ }).click();
  await page.getByRole('button', { name: 'Expand all' }).click();
  seen.push(await visibleText(page));
  for (const tag of ['test', 'hook', 'describe']) {
    await page.locator('.row .label', { hasText: `[${tag}]` }).first().click();
    seen.push(await visibleText(page));
  }
  await page.getByRole('tab', { name: /Leaks/ }).click();
  seen.push(await visibleText(page));
  await page.getByRole('tab', { name: /Baseline/ }).click();
  seen.push(await visibleText(page));
  return seen.join('\n');
}

describe('a dashboard whose every field is hostile', () => {
  let text: string;
  let events: PageEvents;
  let page: Page;

  beforeAll(async () => {
    ({ page, events } = await browser.open(html));
    text = await everyPageText(page);
  });
  afterAll(() => page?.close());

  it.each(FIELDS)('shows the %s field as literal text', (field) => {
    expect(text).toContain(hostile(field));
  });

  it('runs no payload, adds no element, handler or URL from data, and requests nothing', async () => {
    expect(await traces(page)).toEqual({
      pwned: undefined,
      handlerAttributes: [],
      javascriptUrls: [],
      injected: [['img', 0], ['iframe', 0], ['b', 0], ['a', 0], ['base', 0], ['link', 0], ['svg script', 0]],
      scripts: 2,
      metas: 4,
      location: pathToFileURL(html).href,
    });
    expect(events.dialogs).toEqual([]);
    expect(events.requests).toEqual([pathToFileURL(html).href]);
    expect(events.errors).toEqual([]);
  });

  it('keeps the payloads, with < escaped, inside the one JSON data block', async () => {
    const source = await page.evaluate(() => document.getElementById('memscope-data')!.textContent!);
    expect(source).not.toContain('<');
    expect(source).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(source).run.runner.name).toBe(hostile('runner'));
  });
});

describe('the content security policy', () => {
  it('allows only the page\'s own script and style by hash, and no network, inline handler or eval', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)]);
    expect(directives.get('style-src')).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)]);
    for (const name of ['connect-src', 'script-src-attr', 'frame-src', 'font-src']) expect(directives.has(name)).toBe(false);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|data:|blob:/);
  });

  it('blocks, in the live page, an inline handler, a fetch, an image and a frame', async () => {
    const { page, events } = await browser.open(html);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const div = document.createElement('div');
      div.setAttribute('onclick', 'window.__inline = 1');
      document.body.append(div);
      div.click();
      const fetched = await fetch('http://127.0.0.1:9/').then(() => 'allowed', () => 'blocked');
      const img = document.createElement('img');
      img.src = 'http://127.0.0.1:9/x.png';
      document.body.append(img);
      const frame = document.createElement('iframe');
      frame.src = 'http://127.0.0.1:9/';
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { inline: (window as unknown as { __inline?: unknown }).__inline, fetched, violations: [...new Set(violations)].sort() };
    });
    expect(result).toEqual({ inline: undefined, fetched: 'blocked', violations: ['connect-src', 'frame-src', 'img-src', 'script-src-attr'] });
    // Chromium announces the image request, then fails it with reason "csp": nothing leaves the page.
    expect(events.requests.filter((url) => url !== pathToFileURL(html).href).map((url) => `${url} csp`)).toEqual(failed);
    await page.close();
  });
});

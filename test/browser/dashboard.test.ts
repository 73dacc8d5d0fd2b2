import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunReport } from '../../packages/core/src/report/build.js';
import { writeReports } from '../../packages/core/src/report/files/write.js';
import { compareWithBaseline } from '../../packages/core/src/baseline/judge.js';
import { EXPECTED_FILES, RUN, sampleFiles, XSS_NAME } from '../../packages/core/test/report/fixtures.js';
// @ts-expect-error plain JS module shared with the benchmark
import { syntheticFiles } from '../../bench/report-fixture.mjs';
import { launchChromium, type Browser } from './chromium.js';

/**
 * Opens the dashboard from file:// in Debian's Chromium (headless, fresh
 * profile) and checks what a user would: it loads without errors or network
 * requests, the tree expands and sorts, the leak inspector draws the
 * retainer path, and hostile test names stay text.
 */
const OUTPUT = join(__dirname, '..', 'output');

let browser: Browser;
let workDir: string;
const openDashboard = (html: string) => browser.open(html);

beforeAll(async () => {
  browser = await launchChromium();
  workDir = await mkdtemp(join(tmpdir(), 'memscope-dashboard-'));
  await mkdir(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('dashboard', () => {
  async function sampleDashboard(): Promise<string> {
    const files = sampleFiles();
    const draft = buildRunReport({ files, run: RUN });
    const old = Object.fromEntries(draft.tasks.filter((t) => t.kind === 'test').map((t) => [t.id, {
      file: t.file, path: t.path,
      figures: { allocated: { value: (t.figures.allocated?.value ?? 0) / 4, source: 'sampled' as const } },
    }]));
    const baseline = compareWithBaseline(draft.tasks, {
      path: 'memscope.baseline.json',
      data: { schemaVersion: 1, kind: 'memscope-baseline', mode: 'sampled', figures: ['allocated'], tests: old },
    });
    const report = buildRunReport({ files, run: RUN, expectedFiles: EXPECTED_FILES, baseline });
    const written = await writeReports(report, { outDir: join(workDir, 'sample') });
    return written.html!;
  }

  it('loads from file:// with no console error, no network request and no script from data', async () => {
    const html = await sampleDashboard();
    const { page, events } = await openDashboard(html);
    await page.screenshot({ path: join(OUTPUT, 'dashboard-overview.png'), fullPage: true });
    expect(await page.locator('.status').textContent()).toBe('problems found');
    expect(await page.locator('.card').first().textContent()).toContain('Tests');
    expect(events.requests.every((url) => url === pathToFileURL(html).href)).toBe(true);
    expect(events.requests).toHaveLength(1);
    expect(events.errors).toEqual([]);
    expect(events.dialogs).toEqual([]);
    await page.close();
  });

  it('expands the tree, sorts by a figure and shows hostile names as text', async () => {
    const { page, events } = await openDashboard(await sampleDashboard());
    await page.getByRole('tab', { name: /Tests/ }).click();
    expect(await page.locator('.row .label').allTextContents()).toEqual(['src/cache.test.ts', 'src/server.test.ts', 'src/hostile.test.ts', 'src/crash.test.ts']);

    await page.locator('.row', { hasText: 'src/cache.test.ts' }).locator('.caret').click();
    await page.locator('.row', { hasText: 'Cache' }).last().locator('.caret').click();
    expect(await page.locator('.row .label').allTextContents()).toContain('keeps sessions');

    await page.locator('.grid-head button', { hasText: 'Allocated' }).click();
    const sorted = await page.locator('.row .label').allTextContents();
    expect(sorted.slice(0, 2)).toEqual(['src/cache.test.ts', 'Cache']);
    expect(sorted.indexOf('keeps sessions')).toBeLessThan(sorted.indexOf('evicts old entries'));
    await page.locator('.grid-head button', { hasText: 'Allocated' }).click();
    const reversed = await page.locator('.row .label').allTextContents();
    expect(reversed.indexOf('keeps sessions')).toBeGreaterThan(reversed.indexOf('evicts old entries'));

    await page.locator('input[type="search"]').fill('onerror');
    await expect.poll(() => page.locator('.row .label').allTextContents()).toContain(XSS_NAME);
    await page.locator('.row', { hasText: 'onerror' }).last().click();
    expect(await page.locator('.detail h2').textContent()).toBe(XSS_NAME);
    expect(await page.locator('.detail .finding pre').first().textContent()).toContain('<script>alert(2)</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
    await page.screenshot({ path: join(OUTPUT, 'dashboard-hostile.png') });
    expect(events.errors).toEqual([]);
    expect(events.dialogs).toEqual([]);
    await page.close();
  });

  it('shows a leak with its retainer path, allocation site and preview', async () => {
    const { page, events } = await openDashboard(await sampleDashboard());
    await page.getByRole('tab', { name: /Leaks/ }).click();
    const card = page.locator('.finding', { hasText: 'Session objects' });
    expect(await card.locator('.chain .step').allTextContents()).toEqual(['(module) cache', 'Map', 'Session']);
    expect(await card.locator('.chain .edge').allTextContents()).toEqual(['store', 'table[k]']);
    expect(await card.textContent()).toContain('openSession (src/cache.ts:12:5)');
    expect(await card.textContent()).toContain("Session { id: 41, user: 'ada' }");
    expect(await card.textContent()).toContain('Session → Map → Session');
    await page.screenshot({ path: join(OUTPUT, 'dashboard-leaks.png'), fullPage: true });

    await card.locator('.crumbs .link').click();
    expect(await page.locator('.detail h2').textContent()).toBe('keeps sessions');
    expect(await page.locator('.detail svg.timeline polyline').count()).toBe(1);
    expect(await page.locator('.detail table.data').textContent()).toContain('sampled');
    await page.screenshot({ path: join(OUTPUT, 'dashboard-test.png') });

    await page.getByRole('tab', { name: /Baseline/ }).click();
    expect(await page.locator('table.data').first().textContent()).toContain('keeps sessions');
    await page.screenshot({ path: join(OUTPUT, 'dashboard-baseline.png'), fullPage: true });
    expect(events.errors).toEqual([]);
    await page.close();
  });

  it('keeps only the visible rows of 10,000 tests in the page', async () => {
    const report = buildRunReport({ files: syntheticFiles(10_000), run: RUN });
    const { html } = await writeReports(report, { outDir: join(workDir, 'large') });
    const { page, events } = await openDashboard(html!);
    await page.getByRole('tab', { name: /Tests/ }).click();
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await page.locator('.toolbar .muted').textContent()).toMatch(/^1[01],\d{3} rows$/);
    expect(await page.locator('.row').count()).toBeLessThan(80);
    await page.locator('.grid-head button', { hasText: 'Retained' }).click();
    await page.locator('.viewport').evaluate((v) => { v.scrollTop = v.scrollHeight / 2; });
    await expect.poll(() => page.locator('.row').first().getAttribute('data-index')).not.toBe('0');
    await page.locator('.row').nth(3).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(OUTPUT, 'dashboard-10k-dark.png') });
    expect(events.errors).toEqual([]);
    await page.close();
  });
});

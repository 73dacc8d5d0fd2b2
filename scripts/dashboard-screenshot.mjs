// Refreshes docs/dashboard.png, the README's picture of the HTML dashboard:
// the Leaks tab of a real report, the one `npm run demo` leaves in
// examples/jest-http, the card of the finding whose title contains the
// given text. Run `npm run demo` first.
//   node scripts/dashboard-screenshot.mjs [report.html] [out.png] [finding text]
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const html = resolve(process.argv[2] ?? join(root, 'examples/jest-http/memscope-report/index.html'));
const out = resolve(process.argv[3] ?? join(root, 'docs/dashboard.png'));
const findingText = process.argv[4] ?? 'Session objects';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(html)) throw new Error(`${html} is missing: run \`npm run demo\` first.`);
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);

const profile = await mkdtemp(join(tmpdir(), 'memscope-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  viewport: { width: 1200, height: 760 },
});
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('nav.tabs');
  await page.getByRole('tab', { name: /Leaks/ }).click();
  const finding = page.locator('.finding', { hasText: findingText }).first();
  await finding.waitFor();
  mkdirSync(dirname(out), { recursive: true });
  await finding.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}

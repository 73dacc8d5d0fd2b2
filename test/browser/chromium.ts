import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless with a fresh profile, for the dashboard tests.
 * CHROMIUM_PATH points elsewhere.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface PageEvents { errors: string[]; requests: string[]; dialogs: string[] }

export interface Browser {
  open(html: string): Promise<{ page: Page; events: PageEvents }>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  const profile = await mkdtemp(join(tmpdir(), 'memscope-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 860 },
  });
  return {
    /** Opens a dashboard from file:// and records console errors, requests and dialogs. */
    async open(html) {
      const page = await context.newPage();
      const events: PageEvents = { errors: [], requests: [], dialogs: [] };
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') events.errors.push(m.text()); });
      page.on('pageerror', (e) => events.errors.push(String(e)));
      page.on('request', (r) => events.requests.push(r.url()));
      page.on('dialog', (d) => { events.dialogs.push(d.message()); void d.dismiss(); });
      await page.goto(pathToFileURL(html).href);
      await page.waitForSelector('nav.tabs');
      return { page, events };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

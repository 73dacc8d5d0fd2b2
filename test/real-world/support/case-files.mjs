// Where the cases live and how one is loaded: shared by prove.mjs and score.mjs.
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const casesDir = join(corpusDir, 'cases');
export const VARIANTS = ['leaky', 'fixed'];

/** Every case name under cases/, or the ones asked for (unknown names throw). */
export function caseNames(requested = []) {
  const all = readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(casesDir, entry.name, 'case.json')))
    .map((entry) => entry.name)
    .sort();
  for (const name of requested) if (!all.includes(name)) throw new Error(`no case "${name}" in ${casesDir}; cases: ${all.join(', ')}`);
  return requested.length ? requested : all;
}

export function readCase(name) {
  return JSON.parse(readFileSync(join(casesDir, name, 'case.json'), 'utf8'));
}

export function writeCase(name, data) {
  writeFileSync(join(casesDir, name, 'case.json'), `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * The function under test of one variant: make() may return it or a promise
 * of it (a case that starts a server first).
 */
export async function loadUnderTest(name, variant) {
  const module = await import(pathToFileURL(join(casesDir, name, `${variant}.mjs`)).href);
  return module.default();
}

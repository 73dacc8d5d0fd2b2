import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { FixtureProject } from './fixture-project.js';

/** Entries memscope may leave in a temp directory: run channels and snapshot directories. */
export function memscopeTempEntries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('memscope-')) : [];
}

/** A temp directory of the project's own (give it as TMPDIR), so that what memscope leaves in it can be listed. */
export function privateTmp(project: FixtureProject): string {
  const dir = project.path('tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/index.js';
import { runNpm } from './npm.js';

/** Every package a release publishes: the folder in the repository, by package name. */
export const PUBLISHED = {
  '@memscope/core': 'packages/core',
  '@memscope/jest': 'packages/jest-plugin',
  '@memscope/vitest': 'packages/vitest-plugin',
  '@memscope/native': 'native',
  '@memscope/native-linux-x64-gnu': 'native/platforms/linux-x64-gnu',
} as const;

export type PublishedName = keyof typeof PUBLISHED;
export const PLATFORM_PACKAGE: PublishedName = '@memscope/native-linux-x64-gnu';

/** What `npm pack` made: the tarball of each package. */
export type Tarballs = Record<PublishedName, string>;

// The tarballs hold what the repository built: the TypeScript (npm test
// builds first) and this Node's addon in the platform package (npm ci's
// postinstall builds it; a release packs all three ABIs, see prebuild.js).
function assertBuilt(): void {
  const expected = [
    join(repoRoot, 'packages/core/dist/index.js'),
    join(repoRoot, PUBLISHED[PLATFORM_PACKAGE], 'prebuilds', `abi-${process.versions.modules}`, 'memscope.node'),
  ];
  for (const file of expected) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm ci\` and \`npm run build\` before the packed-install tests.`);
  }
}

/** `npm pack` of every published package into `destination`, in one npm call. */
export async function packAll(destination: string): Promise<Tarballs> {
  assertBuilt();
  const workspaces = Object.values(PUBLISHED).flatMap((folder) => ['--workspace', folder]);
  const packed = await runNpm(['pack', '--json', '--pack-destination', destination, ...workspaces], repoRoot);
  if (packed.exitCode !== 0) throw new Error(`npm pack failed:\n${packed.log}`);
  const listing = JSON.parse(packed.log.slice(packed.log.indexOf('['))) as Array<{ name: PublishedName; filename: string }>;
  const tarballs = {} as Tarballs;
  for (const { name, filename } of listing) tarballs[name] = join(destination, filename);
  for (const name of Object.keys(PUBLISHED) as PublishedName[]) {
    if (!tarballs[name] || !existsSync(tarballs[name])) throw new Error(`npm pack made no tarball for ${name}:\n${packed.log}`);
  }
  return tarballs;
}

/**
 * The version a lock file of the repository pins at `location` (e.g.
 * `node_modules/jest`): the temporary projects install the runners the
 * repository tests with, which `npm ci` has already put in npm's cache.
 */
export function lockedVersion(lockFile: string, location: string): string {
  const lock = JSON.parse(readFileSync(join(repoRoot, lockFile), 'utf8')) as { packages: Record<string, { version?: string }> };
  const version = lock.packages[location]?.version;
  if (!version) throw new Error(`${lockFile} pins nothing at ${location}`);
  return version;
}

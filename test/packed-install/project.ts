import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNpm } from './npm.js';
import { lockedVersion, type Tarballs } from './packages.js';

export interface RunnerVersions {
  jest: string;
  vitest: string;
}

export interface InstalledProject {
  dir: string;
  versions: RunnerVersions;
  installLog: string;
  installSeconds: number;
}

const FIXTURE = join(import.meta.dirname, 'fixture');
const TYPE_PACKAGES = ['typescript', '@types/jest', '@types/node'];

/**
 * A user's project outside the workspace: the fixture (a leaking and a clean
 * function, with a test file for each runner), one Jest and one Vitest from
 * the registry, and memscope's packed tarballs. Jest and Vitest share the
 * install; two Jests could not.
 */
export async function installProject(parent: string, name: string, versions: RunnerVersions, tarballs: Tarballs): Promise<InstalledProject> {
  const dir = join(parent, name);
  cpSync(FIXTURE, dir, { recursive: true });
  const memscope = Object.fromEntries(Object.entries(tarballs).map(([pkg, file]) => [pkg, `file:${file}`]));
  // TypeScript and the type packages the README's tsconfig names, at the workspace's versions (in npm's cache).
  const typing = Object.fromEntries(TYPE_PACKAGES.map((pkg) => [pkg, lockedVersion('package-lock.json', `node_modules/${pkg}`)]));
  const manifest = { name, private: true, devDependencies: { ...memscope, ...typing, jest: versions.jest, vitest: versions.vitest } };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // --prefer-offline: the runners' tarballs are in npm's cache from the repository's own npm ci.
  const install = await runNpm(['install', '--no-audit', '--no-fund', '--prefer-offline'], dir);
  if (install.exitCode !== 0) throw new Error(`npm install in ${dir} failed:\n${install.log}`);
  return { dir, versions, installLog: install.log, installSeconds: install.seconds };
}

// memscope as a user's project installs it: the packages `npm pack` makes,
// extracted under the project's node_modules/@memscope (a real directory, so
// Vitest treats them as installed dependencies, loaded by Node, rather than
// as workspace sources it transforms). Their other dependencies (Vitest,
// Jest, picocolors…) resolve from the workspace's node_modules above. The
// addon is the one built in native/, copied beside the packed loader.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const PACKAGES = { core: 'packages/core', jest: 'packages/jest-plugin', vitest: 'packages/vitest-plugin', native: 'native' };

/**
 * Packs the built packages of `sourceRoot` (this workspace, or another
 * checkout of it, built, to compare with) and extracts them into
 * `projectDir`/node_modules/@memscope.
 */
export function installPackedMemscope(projectDir, sourceRoot = workspaceRoot) {
  for (const dir of ['packages/core/dist', 'packages/vitest-plugin/dist', 'packages/jest-plugin/dist']) {
    if (!existsSync(path.join(sourceRoot, dir))) throw new Error(`${path.join(sourceRoot, dir)} is missing: run \`npm run build\` there first.`);
  }
  const packDir = mkdtempSync(path.join(os.tmpdir(), 'memscope-pack-'));
  try {
    for (const [name, dir] of Object.entries(PACKAGES)) {
      const [{ filename }] = JSON.parse(
        execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: path.join(sourceRoot, dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      );
      const target = path.join(projectDir, 'node_modules/@memscope', name);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      execFileSync('tar', ['xzf', path.join(packDir, filename), '--strip-components=1', '-C', target]);
    }
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
  // A build from source sits in native/prebuilds; the prebuilt platform
  // package (native/platforms/…) resolves from the workspace's node_modules.
  const prebuilds = path.join(workspaceRoot, 'native/prebuilds');
  if (existsSync(prebuilds)) {
    cpSync(prebuilds, path.join(projectDir, 'node_modules/@memscope/native/prebuilds'), { recursive: true });
  } else if (!existsSync(path.join(workspaceRoot, `native/platforms/linux-x64-gnu/prebuilds/abi-${process.versions.modules}/memscope.node`))) {
    throw new Error('The addon is not built for this Node (native/prebuilds or native/platforms/*/prebuilds): run `npm run build:native` first.');
  }
}

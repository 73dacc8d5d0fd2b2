import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Loader from '@memscope/native/loader';
import { requireNative } from './load-native.js';

const loader: typeof Loader = requireNative('@memscope/native/loader');
const here = process.versions.modules;
const roots: string[] = [];

/** A package folder with the given prebuilds/abi-<abi>/ files. */
function fakeRoot(builds: Record<string, { addon?: string; info?: object; failureLog?: string }>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-loader-'));
  roots.push(root);
  for (const [abi, files] of Object.entries(builds)) {
    const dir = path.join(root, 'prebuilds', `abi-${abi}`);
    fs.mkdirSync(dir, { recursive: true });
    if (files.addon !== undefined) fs.writeFileSync(path.join(dir, 'memscope.node'), files.addon);
    if (files.info !== undefined) fs.writeFileSync(path.join(dir, 'build-info.json'), JSON.stringify(files.info));
    if (files.failureLog !== undefined) fs.writeFileSync(path.join(dir, 'build-failure.log'), files.failureLog);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('loader', () => {
  it('loads the installed build for this Node', () => {
    const status = loader.loadStatus();
    expect(status.loaded).toBe(true);
    if (!status.loaded) return;
    expect(status.abi).toBe(here);
    expect(status.binding.abi).toBe(Number(here));
    expect(status.path).toContain(path.join('prebuilds', `abi-${here}`, 'memscope.node'));
  });

  it('loads the platform package first: in the repository its folder is the workspace native/platforms/linux-x64-gnu', () => {
    const status = loader.loadStatus();
    expect(status).toMatchObject({ loaded: true, source: 'prebuilt', packageName: '@memscope/native-linux-x64-gnu' });
    expect(status.loaded && status.path).toContain(path.join('native', 'platforms', 'linux-x64-gnu', 'prebuilds'));
  });

  it('prefers the prebuilt file, and falls back to a build from source when the prebuilt one is for another Node', () => {
    const real = loader.loadStatus();
    if (!real.loaded) throw new Error(`the addon should load in the repository: ${real.message}`);
    const withBuild = (): string => {
      const root = fakeRoot({});
      fs.cpSync(path.dirname(real.path), path.join(root, 'prebuilds', `abi-${here}`), { recursive: true });
      return root;
    };
    const both = loader.loadStatus({ prebuiltRoot: withBuild(), root: withBuild() });
    expect(both).toMatchObject({ loaded: true, source: 'prebuilt' });

    const stale = fakeRoot({ '127': { addon: 'x', info: { abi: '127', node: '22.1.0' } } });
    const fallback = loader.loadStatus({ prebuiltRoot: stale, root: withBuild() });
    expect(fallback).toMatchObject({ loaded: true, source: 'built-from-source' });
  });

  it('names both places it looked when neither holds a build', () => {
    const status = loader.loadStatus({ prebuiltRoot: fakeRoot({}), root: fakeRoot({}) });
    expect(status).toMatchObject({ loaded: false, reason: 'not-built' });
    if (status.loaded) return;
    expect(status.tried).toHaveLength(2);
    expect(status.message).toContain('the prebuilt package has no binary for this Node');
    expect(() => loader.loadBinding({ root: fakeRoot({}) })).toThrow(/npx memscope build-native/);
  });

  it('loads from the repository root with a plain require', () => {
    const repoRoot = path.resolve(import.meta.dirname, '..', '..');
    const out = execFileSync(process.execPath, ['-e', "process.stdout.write(String(require('@memscope/native').abi))"], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(out).toBe(here);
  });

  it('refuses a file whose recorded ABI is not this Node, before opening it', () => {
    // Not a shared object: opening it would give a dlopen error instead.
    const root = fakeRoot({ [here]: { addon: 'not an ELF file', info: { abi: '999', node: '99.0.0' } } });
    const status = loader.loadStatus({ root });
    expect(status).toMatchObject({ loaded: false, reason: 'abi-mismatch' });
    expect(() => loader.loadBinding({ root })).toThrow(
      new RegExp(`was built for ABI 999 \\(Node 99\\.0\\.0\\) but this Node is ABI ${here} \\(Node ${process.versions.node.replace(/\./g, '\\.')}\\)`),
    );
  });

  it('says which ABI is built when only another Node has a build', () => {
    const root = fakeRoot({ '127': { addon: 'x', info: { abi: '127', node: '22.1.0' } } });
    const error = (() => {
      try {
        loader.loadBinding({ root });
      } catch (caught) {
        return caught as Loader.NativeLoadError;
      }
      throw new Error('loadBinding did not throw');
    })();
    expect(error.code).toBe('ERR_MEMSCOPE_NATIVE_UNAVAILABLE');
    expect(error.status.reason).toBe('abi-mismatch');
    expect(error.message).toContain(`is built for ABI 127 (Node 22.1.0) but this Node is ABI ${here}`);
    expect(error.message).toContain('Possible solutions:');
    expect(error.message).toContain('npx memscope build-native');
    expect(error.message).toContain('npm run build:native');
  });

  it('tells "not built", "build failed" and "dlopen failed" apart', () => {
    expect(loader.loadStatus({ root: fakeRoot({}) })).toMatchObject({ loaded: false, reason: 'not-built' });

    const failed = loader.loadStatus({ root: fakeRoot({ [here]: { failureLog: 'gyp info\nmake: g++: error: not found\ngyp ERR! not ok' } }) });
    expect(failed).toMatchObject({ loaded: false, reason: 'build-failed' });
    expect(!failed.loaded && failed.message).toContain('make: g++: error: not found');

    const broken = loader.loadStatus({ root: fakeRoot({ [here]: { addon: 'not an ELF file', info: { abi: here } } }) });
    expect(broken).toMatchObject({ loaded: false, reason: 'dlopen-failed' });
    expect(!broken.loaded && broken.message).toMatch(/failed to load \(dlopen\): .*(invalid ELF header|too short)/);
  });

  it('checks the ABI the running Node reports against the record', () => {
    const status = loader.loadStatus({ abi: '120', nodeVersion: '21.0.0' });
    expect(status).toMatchObject({ loaded: false, reason: 'abi-mismatch' });
    expect(!status.loaded && status.message).toContain(`built for ABI ${here}`);
  });
});

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { CliCommand, CliIo } from './command.js';

// `require` is the build's (core compiles to CommonJS); the addon's package
// is a dependency of core, so it resolves from here in any install layout.
function nativePackageDir(): string {
  return dirname(require.resolve('@memscope/native/package.json'));
}

/** Runs `node <args>`, passing its output through; resolves to its exit code. */
function runNode(args: string[], io: CliIo, capture = false): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: io.env as NodeJS.ProcessEnv });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (capture ? (stdout += chunk) : io.stdout.write(chunk)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => io.stderr.write(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

interface LoadCheck {
  loaded: boolean;
  source?: string;
  path?: string;
  message?: string;
}

// A fresh process: this one's loader (if anything loaded it) remembers its first lookup.
async function checkLoad(dir: string, io: CliIo): Promise<LoadCheck> {
  const script =
    `const s = require(${JSON.stringify(join(dir, 'loader.js'))}).loadStatus();` +
    'process.stdout.write(JSON.stringify({ loaded: s.loaded, source: s.source, path: s.path, message: s.message }));';
  const { code, stdout } = await runNode(['-e', script], io, true);
  return code === 0 ? (JSON.parse(stdout) as LoadCheck) : { loaded: false, message: 'the load check crashed (see above)' };
}

async function run({ io }: { io: CliIo }): Promise<number> {
  const dir = nativePackageDir();
  io.stdout.write(
    `memscope build-native: building @memscope/native from source for Node ${process.versions.node} ` +
      `(ABI ${process.versions.modules}, ${process.platform}-${process.arch}) in ${dir}\n`,
  );
  const build = await runNode([join(dir, 'scripts', 'build.js')], io);
  if (build.code !== 0) {
    io.stderr.write(
      'memscope build-native: the build failed (its log is above). It needs Python 3, make and a C++17 compiler ' +
        '(build-essential on Debian and Ubuntu, the Xcode command line tools on macOS, Visual Studio Build Tools on Windows). ' +
        'Until it builds, memscope uses its pure-JS capture.\n',
    );
    return 1;
  }
  const check = await checkLoad(dir, io);
  if (!check.loaded) {
    io.stderr.write(`memscope build-native: built, but the addon does not load: ${check.message ?? 'no reason given'}\n`);
    return 1;
  }
  io.stdout.write(`memscope build-native: the addon loads (${check.source}): ${check.path}\n`);
  return 0;
}

export const buildNativeCommand: CliCommand = {
  name: 'build-native',
  summary: 'Build the native addon from source for this Node and platform (where no prebuilt binary fits)',
  usage: '',
  options: {},
  allowPositionals: false,
  run,
};

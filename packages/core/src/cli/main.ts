import { parseArgs } from 'node:util';
import { isMemscopeError } from '../errors.js';
import type { CliCommand, CliIo } from './command.js';
import { commands } from './commands.js';

const USAGE_EXIT_CODE = 2;

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return ['Usage: memscope <command> [options]', '', 'Commands:', ...lines, '', 'Run `memscope <command> --help` for its options.', ''].join('\n');
}

function commandUsage(command: CliCommand): string {
  const options = Object.entries(command.options).map(([name, option]) => {
    const value = option.type === 'string' ? ` <${name}>` : '';
    return `  --${name}${value}`;
  });
  return [`Usage: memscope ${command.name} ${command.usage}`.trimEnd(), '', command.summary, ...(options.length ? ['', 'Options:', ...options] : []), ''].join('\n');
}

/**
 * Runs one CLI invocation; resolves to the exit code (0 ok, 1 the command
 * found a problem, 2 bad usage).
 *
 * @example
 * process.exitCode = await main(['doctor']);
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? USAGE_EXIT_CODE : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`memscope: unknown command "${name}"\n\n${usage()}`);
    return USAGE_EXIT_CODE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandUsage(command));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: command.allowPositionals, strict: true });
  } catch (error) {
    io.stderr.write(`memscope ${command.name}: ${(error as Error).message}\n\n${commandUsage(command)}`);
    return USAGE_EXIT_CODE;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io });
  } catch (error) {
    if (!isMemscopeError(error)) throw error;
    io.stderr.write(`memscope ${command.name}: ${error.message} (${error.code})\n`);
    return error.code === 'ERR_MEMSCOPE_USAGE' ? USAGE_EXIT_CODE : 1;
  }
}

import type { CliIo } from './command.js';
/**
 * Runs one CLI invocation; resolves to the exit code (0 ok, 1 the command
 * found a problem, 2 bad usage).
 *
 * @example
 * process.exitCode = await main(['doctor']);
 */
export declare function main(argv: readonly string[], io?: CliIo): Promise<number>;
//# sourceMappingURL=main.d.ts.map
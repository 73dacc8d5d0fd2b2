import type { ParseArgsConfig } from 'node:util';
/** Where a command writes; injected so tests can capture the output. */
export interface CliIo {
    stdout: {
        write(text: string): unknown;
        isTTY?: boolean;
    };
    stderr: {
        write(text: string): unknown;
    };
    env: Record<string, string | undefined>;
}
export interface CommandInput {
    values: Record<string, string | boolean | Array<string | boolean> | undefined>;
    positionals: string[];
    io: CliIo;
}
/**
 * One CLI command. Adding a command is one file exporting a `CliCommand`
 * plus one entry in `commands.ts`; main.ts parses the options declared here
 * with util.parseArgs (strict) before `run` sees them.
 */
export interface CliCommand {
    name: string;
    /** One line for `memscope --help`. */
    summary: string;
    /** Usage line after `memscope <name>`, e.g. `[--json]` or `<report.json>...`. */
    usage: string;
    options: NonNullable<ParseArgsConfig['options']>;
    allowPositionals: boolean;
    /** Resolves to the process exit code. */
    run(input: CommandInput): Promise<number>;
}
//# sourceMappingURL=command.d.ts.map
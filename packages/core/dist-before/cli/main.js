"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.main = main;
const node_util_1 = require("node:util");
const errors_js_1 = require("../errors.js");
const commands_js_1 = require("./commands.js");
const USAGE_EXIT_CODE = 2;
function usage() {
    const width = Math.max(...commands_js_1.commands.map((command) => command.name.length));
    const lines = commands_js_1.commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
    return ['Usage: memscope <command> [options]', '', 'Commands:', ...lines, '', 'Run `memscope <command> --help` for its options.', ''].join('\n');
}
function commandUsage(command) {
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
async function main(argv, io = { stdout: process.stdout, stderr: process.stderr, env: process.env }) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        (name === undefined ? io.stderr : io.stdout).write(usage());
        return name === undefined ? USAGE_EXIT_CODE : 0;
    }
    const command = commands_js_1.commands.find((candidate) => candidate.name === name);
    if (!command) {
        io.stderr.write(`memscope: unknown command "${name}"\n\n${usage()}`);
        return USAGE_EXIT_CODE;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(commandUsage(command));
        return 0;
    }
    let parsed;
    try {
        parsed = (0, node_util_1.parseArgs)({ args: [...rest], options: command.options, allowPositionals: command.allowPositionals, strict: true });
    }
    catch (error) {
        io.stderr.write(`memscope ${command.name}: ${error.message}\n\n${commandUsage(command)}`);
        return USAGE_EXIT_CODE;
    }
    try {
        return await command.run({ values: parsed.values, positionals: parsed.positionals, io });
    }
    catch (error) {
        if (!(0, errors_js_1.isMemscopeError)(error))
            throw error;
        io.stderr.write(`memscope ${command.name}: ${error.message} (${error.code})\n`);
        return error.code === 'ERR_MEMSCOPE_USAGE' ? USAGE_EXIT_CODE : 1;
    }
}
//# sourceMappingURL=main.js.map
import type { CliCommand } from './command.js';
/** Every `memscope <command>`, in the order `--help` lists them. */
export declare const commands: readonly CliCommand[];
//# sourceMappingURL=commands.d.ts.map
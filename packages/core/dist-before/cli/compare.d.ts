import type { CliCommand } from './command.js';
export declare const compareCommand: CliCommand;
//# sourceMappingURL=compare.d.ts.map
import type { CliCommand } from './command.js';
export declare const mergeCommand: CliCommand;
//# sourceMappingURL=merge.d.ts.map
import { buildNativeCommand } from './build-native.js';
import type { CliCommand } from './command.js';
import { compareCommand } from './compare.js';
import { doctorCommand } from './doctor.js';
import { mergeCommand } from './merge.js';
import { reportCommand } from './report.js';

/** Every `memscope <command>`, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  doctorCommand,
  buildNativeCommand,
  reportCommand,
  mergeCommand,
  compareCommand,
];

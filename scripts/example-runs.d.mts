// Types of example-runs.mjs, for test/examples/run-example.ts.
export interface KeptExampleRun {
  exitCode: number | null;
  signal: string | null;
  output: string;
}
export function sourcesStamp(name: string): number;
export function keepExampleRun(name: string, leaks: boolean, run: KeptExampleRun): void;
export function keptExampleRun(name: string, leaks: boolean): { code: number | null; signal: string | null; output: string } | null;

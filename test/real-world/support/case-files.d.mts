// Types of case-files.mjs for the TypeScript test that reads the cases.
export interface CaseData {
  package: string;
  leaky: string;
  fixed: string;
  reference: string;
  kind: 'heap' | 'storm' | 'handle' | 'native';
  shape: string;
  what: string;
  proof?: { metric: string; leakyPerRound: number; fixedPerRound: number; roundCalls: number; runs: string };
}

export declare const corpusDir: string;
export declare const casesDir: string;
export declare const VARIANTS: readonly ['leaky', 'fixed'];
export declare function caseNames(requested?: string[]): string[];
export declare function readCase(name: string): CaseData;
export declare function writeCase(name: string, data: CaseData): void;
export declare function loadUnderTest(name: string, variant: 'leaky' | 'fixed'): Promise<() => unknown>;

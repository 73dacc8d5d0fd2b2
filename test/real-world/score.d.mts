// Types of score.mjs for the TypeScript test that drives it.
export type Capture = 'native' | 'js';
export type Variant = 'leaky' | 'fixed';

/** One variant's verdict as the child reports it, or how the child died. */
export interface Verdict {
  crashed?: string;
  leaked?: boolean;
  reason?: string;
  findings?: Array<{ kind: string; title: string }>;
  diagnosis?: string;
  ms?: number;
}

export declare const MAX_FINDINGS: number;
export declare function runVariant(name: string, variant: Variant, capture: Capture): Promise<Verdict>;
/** Problems of one case on one capture path: [] when it scores. */
export declare function judgeCase(kind: string, leaky: Verdict, fixed: Verdict): string[];

import type { TraceStep } from './types.js';

/** A decision as one line: `rounds (exact): 6 × 60 calls, heapUsed +79 B/call, fit 0.94; grew → second window`. */
export function traceLine(step: TraceStep): string {
  return `${step.phase}: ${step.saw ? `${step.saw}; ` : ''}${step.why} → ${step.next}`;
}

/** The phases in order and the outcome, for the statistics line: `warm-up → quick window → judge → passed`. */
export function tracePath(trace: readonly TraceStep[]): string {
  if (trace.length === 0) return '';
  return [...trace.map((step) => step.phase), trace[trace.length - 1]!.next].join(' → ');
}

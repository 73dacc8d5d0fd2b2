import type { NativeFigure } from './explain.js';

/**
 * Native growth that no object of the heap accounts for is only a finding
 * when it went on over the explanation's own calls too, at half the
 * screened rate at least: a clean HTTP client's socket buffers read as
 * ~20 B a call of `external` in the screened rounds of one loaded run, and
 * stayed flat after. A native leak keeps its pace.
 */
export function nativeKeptGrowing(explainedPerCall: Record<NativeFigure, number>, figure: string, screenedPerCall: number): boolean {
  if (!(figure in explainedPerCall)) return false;
  return explainedPerCall[figure as NativeFigure] >= screenedPerCall / 2;
}

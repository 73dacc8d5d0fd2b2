import type { AllocationSample, AllocationFrame } from '../capture/types.js';
import type { AllocationSite } from '../verdict/types.js';
interface SiteCandidate {
    frame: AllocationFrame;
    stack: AllocationFrame[];
    bytes: number;
}
/** Live samples grouped by their innermost user frame, most bytes first. */
export declare function allocationCandidates(samples: readonly AllocationSample[]): SiteCandidate[];
export declare function siteForGroup(candidates: readonly SiteCandidate[], groupName: string, kind: 'object' | 'closure' | 'other'): AllocationSite | undefined;
export {};
//# sourceMappingURL=allocation-site.d.ts.map
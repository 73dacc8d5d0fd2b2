import type { Finding, FindingKind } from './types.js';
import { type SurvivorGroup } from '../analyzers/survivors.js';
import { type Explanation } from './explain.js';
import type { LiveHandle } from './handle-tracker.js';
export declare function findingKindOf(group: SurvivorGroup, nativeGrew: boolean): FindingKind;
/** Turns a steadily growing group into a finding: title, rate, path, site, preview, cycles. */
export declare function groupFinding(group: SurvivorGroup, explanation: Explanation, kind: FindingKind, nativeBytesPerCall: number): Finding;
/** Handles left open, grouped by type and the user frame that created them. */
export declare function handleFindings(handles: readonly LiveHandle[], calls: number): Finding[];
export declare function nativeFinding(figure: string, bytesPerCall: number): Finding;
/** Descriptors that grow with no async resource to show for them (a stream's fd, a raw fs.openSync). */
export declare function descriptorFinding(perCall: number): Finding;
//# sourceMappingURL=findings.d.ts.map
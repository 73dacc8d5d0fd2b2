import type { Capture, GcMode } from '../capture/types.js';
import { type GrowthJudgement } from './stats.js';
import type { CallRunner } from './call-runner.js';
import { type HandleTracker } from './handle-tracker.js';
/** The figures read after every round, each a series over rounds. */
export type ScreenedFigure = 'heapUsed' | 'external' | 'arrayBuffers' | 'malloc' | 'handles' | 'fds';
export interface Measurement {
    heapUsed: number;
    external: number;
    arrayBuffers: number;
    malloc: number | null;
    handles: number;
    fds: number | null;
}
/** One turn of the event loop (WeakRefs kept for the job are released), then a full GC, then the reading. */
export declare function measureSettled(capture: Capture, mode: GcMode, tracker: HandleTracker): Promise<Measurement>;
export interface ScreenInput {
    capture: Capture;
    runner: CallRunner;
    tracker: HandleTracker;
    gcMode: GcMode;
    callsPerRound: number;
    rounds: number;
    maxRounds: number;
    /** Bytes per call below which growth is not a leak. */
    threshold: number;
}
export interface ScreenResult {
    measurements: Measurement[];
    judgements: Map<ScreenedFigure, GrowthJudgement>;
    rounds: number;
}
export declare function judgeAll(measurements: Measurement[], input: ScreenInput): Map<ScreenedFigure, GrowthJudgement>;
/**
 * Screens cheaply: rounds of calls with a full GC after each, no snapshot.
 * Ambiguous figures get more rounds, up to maxRounds; nothing is guessed.
 */
export declare function screen(input: ScreenInput): Promise<ScreenResult>;
//# sourceMappingURL=screen.d.ts.map
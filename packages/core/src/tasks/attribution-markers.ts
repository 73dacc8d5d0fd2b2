import type { AllocationSample } from '../capture/types.js';

/**
 * Segment markers: objects big enough that the sampling heap profiler
 * samples every one of them, allocated each time the running task changes.
 * Sample ids grow in allocation order, so once a profile is read, the
 * markers' ids cut the samples into the segments each task ran in: a sample
 * belongs to the task of the last marker before it. No stack is needed, so
 * a callback a test leaves behind, a helper shared by several tests or a
 * `test.concurrent.each` body is charged to the test that ran it.
 *
 * A marker of 10 sampling intervals goes unsampled with probability e^-10
 * (V8 samples the allocation that crosses a random step with mean the
 * interval); each marker's length tells its place in the order, so a
 * missing one is known and the stretch it opened is left unowned (assign).
 */

/** Marker size in sampling intervals: P(unsampled) = e^-10 ≈ 5e-5. */
const MARKER_INTERVALS = 10;
/** Markers held between two reads (10 MB at the 8 KB interval); a read is forced before more are placed. */
export const MARKERS_PER_READ = 128;
/**
 * A marker is `new Array(length)`: 8 bytes a slot plus headers, as V8 folds
 * them into one sampled allocation: the FixedArray's 16 bytes, plus the
 * JSArray's 32 where they are allocated together, plus a 16-byte allocation
 * memento once the site is tracked (measured on Node 20: 16, 48 and 64).
 * Lengths step by 16 slots (128 bytes), more than any two header sizes
 * differ, so no header maps one marker onto another.
 */
const HEADER_BYTES = [16, 32, 48, 64];
const SLOT_BYTES = 8;
const LENGTH_STEP = 16;
/**
 * Added to the base length so marker lengths are odd numbers no one picks
 * (10 247 + 16k slots at the 8 KB interval). Markers are told by size alone:
 * V8 names a sample's frame after the function of the physical frame, which
 * after inlining can be any caller.
 */
const LENGTH_OFFSET = 7;

export interface PlacedMarker<Owner> {
  owner: Owner | null;
  /** Held until the next read so the marker's sample is alive (and listed) then. */
  array: unknown[];
}

export class SegmentMarkers<Owner> {
  private readonly baseLength: number;
  private placed: PlacedMarker<Owner>[] = [];
  /** Highest sample id the last read listed: older samples were filed then, older markers are stale. */
  private seenUpTo = 0;

  constructor(intervalBytes: number) {
    this.baseLength = Math.ceil((MARKER_INTERVALS * intervalBytes) / SLOT_BYTES) + LENGTH_OFFSET;
  }

  get count(): number {
    return this.placed.length;
  }

  /** Lets every placed marker go (attribution gave up for this round). */
  clear(): void {
    this.placed = [];
  }

  /** Opens a segment owned by `owner` (null: nobody's, memscope's own work). */
  place(owner: Owner | null): void {
    this.placed.push({ owner, array: memscopeSegmentMarker(this.baseLength + LENGTH_STEP * this.placed.length) });
  }

  /**
   * The owner of every sample taken since the last read, by id; then drops
   * the markers, keeping the owner of the last segment open for the samples
   * still to come. A released marker can still be listed (no GC ran since),
   * with the length of a newer one: only samples newer than the last read
   * count.
   *
   * A marker the profiler skipped (one in e^10) leaves the samples between
   * its neighbours without a known owner: they go to the segment before it
   * only when every segment in the stretch has that owner, and to no one
   * otherwise. A test's figure may then miss a few samples; it never gets
   * another test's.
   */
  assign(
    samples: readonly AllocationSample[],
    carried: { id: number; owner: Owner | null } | null,
  ): { owners: Map<number, Owner>; last: { id: number; owner: Owner | null } | null; lost: boolean } {
    const placedCount = this.placed.length;
    const fresh = samples.filter((sample): sample is AllocationSample & { id: number } => sample.id !== undefined && sample.id > this.seenUpTo);
    const markerIds = new Map<number, number>();
    const others: (AllocationSample & { id: number })[] = [];
    for (const sample of fresh) {
      const index = this.markerIndex(sample);
      if (index === null) others.push(sample);
      else markerIds.set(index, sample.id);
    }
    const cuts = this.cutsInPlacementOrder(markerIds, carried);
    const owners = new Map<number, Owner>();
    for (const sample of others) {
      const cut = lastAtOrBefore(cuts, sample.id);
      if (cut?.owner) owners.set(sample.id, cut.owner);
    }
    for (const sample of fresh) this.seenUpTo = Math.max(this.seenUpTo, sample.id);
    this.placed = [];
    // Markers placed but none listed: the profile was restarted or stopped under us.
    const lost = placedCount > 0 && markerIds.size === 0;
    return { owners, last: cuts[cuts.length - 1] ?? null, lost };
  }

  /** One cut per listed marker, in the order they were placed; a skipped marker's owner is merged into the cut before it. */
  private cutsInPlacementOrder(
    markerIds: ReadonlyMap<number, number>,
    carried: { id: number; owner: Owner | null } | null,
  ): { id: number; owner: Owner | null }[] {
    const cuts: { id: number; owner: Owner | null }[] = carried ? [{ ...carried }] : [];
    this.placed.forEach((marker, index) => {
      const id = markerIds.get(index);
      const before = cuts[cuts.length - 1];
      if (id !== undefined && (!before || id > before.id)) cuts.push({ id, owner: marker.owner });
      else if (before && before.owner !== marker.owner) before.owner = null;
    });
    return cuts;
  }

  private markerIndex(sample: AllocationSample): number | null {
    if (sample.count !== 1) return null;
    for (const header of HEADER_BYTES) {
      const index = ((sample.size - header) / SLOT_BYTES - this.baseLength) / LENGTH_STEP;
      if (Number.isInteger(index) && index >= 0 && index < this.placed.length) return index;
    }
    return null;
  }
}

function lastAtOrBefore<T extends { id: number }>(sorted: readonly T[], id: number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.id <= id) {
      found = sorted[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function memscopeSegmentMarker(length: number): unknown[] {
  return new Array<unknown>(length);
}

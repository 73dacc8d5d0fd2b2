import { describe, expect, it } from 'vitest';
import type { AllocationSample } from '../../src/capture/types.js';
import { SegmentMarkers } from '../../src/tasks/attribution-markers.js';

// Markers cut a profile's samples into the segments each test ran in. The
// profiler skips a marker once in e^10: the samples it would have opened
// must then go to no one rather than to the test before it.

const INTERVAL = 8192;
const BASE_LENGTH = Math.ceil((10 * INTERVAL) / 8) + 7;
/** The sample V8 lists for the marker placed `index`-th since the last read (a FixedArray's 16-byte header). */
const markerSample = (index: number, id: number): AllocationSample => ({ id, size: 16 + 8 * (BASE_LENGTH + 16 * index), count: 1, stack: [] });
const object = (id: number): AllocationSample => ({ id, size: 64 * 1024, count: 1, stack: [] });

function threeSegments(): SegmentMarkers<string> {
  const markers = new SegmentMarkers<string>(INTERVAL);
  markers.place('large');
  markers.place('none');
  markers.place('large');
  return markers;
}

describe('SegmentMarkers.assign', () => {
  it('files each sample under the test whose marker came last before it', () => {
    const samples = [markerSample(0, 1), object(2), markerSample(1, 3), object(4), markerSample(2, 5), object(6)];
    const { owners, last, lost } = threeSegments().assign(samples, null);
    expect([...owners]).toEqual([[2, 'large'], [4, 'none'], [6, 'large']]);
    expect(last).toEqual({ id: 5, owner: 'large' });
    expect(lost).toBe(false);
  });

  it('leaves a skipped marker’s stretch to no one when the tests on either side differ', () => {
    // The third marker (large's) was not sampled: 6 was allocated by large or by none.
    const samples = [markerSample(0, 1), object(2), markerSample(1, 3), object(4), object(6)];
    const { owners, last } = threeSegments().assign(samples, null);
    expect([...owners]).toEqual([[2, 'large']]);
    expect(last).toEqual({ id: 3, owner: null });
  });

  it('keeps the owner across a skipped marker when both sides are the same test', () => {
    const markers = new SegmentMarkers<string>(INTERVAL);
    markers.place('small');
    markers.place('small');
    const { owners } = markers.assign([markerSample(0, 1), object(2), object(4)], null);
    expect([...owners]).toEqual([[2, 'small'], [4, 'small']]);
  });

  it('does not carry a segment over a skipped first marker into the next read', () => {
    const markers = new SegmentMarkers<string>(INTERVAL);
    markers.place('none');
    markers.place('large');
    // The first marker of this read was skipped: 11 may be none's or the carried test's.
    const { owners } = markers.assign([object(11), markerSample(1, 12), object(13)], { id: 10, owner: 'small' });
    expect([...owners]).toEqual([[13, 'large']]);
  });

  it('says the profile was lost when none of the placed markers is listed', () => {
    const markers = threeSegments();
    expect(markers.assign([object(2)], null).lost).toBe(true);
  });
});

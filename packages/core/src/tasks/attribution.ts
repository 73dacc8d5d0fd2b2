import { createHook, type AsyncHook } from 'node:async_hooks';
import type { Capture, GcTotals } from '../capture/types.js';
import { nodeTimers } from '../node-clock.js';
import { BufferOwners } from './attribution-buffers.js';
import { MARKERS_PER_READ, SegmentMarkers } from './attribution-markers.js';
import { addForced, allocatedBetween, takeReading, type Reading } from './figures.js';
import type { TaskScope } from './scope.js';
import { asMemscope, isMeasuring, taskStorage } from './storage.js';
import type { Figure, TaskFigures } from './types.js';

/**
 * Memory by test when tests run at once (`describe.concurrent`,
 * `test.concurrent`), where readings at a test's start and end hold every
 * overlapping test's work.
 *
 * The test a piece of code belongs to is the AsyncLocalStorage scope it runs
 * in: the plugin runs each concurrent test inside its scope, and the scope
 * follows every await, timer and callback the test starts. An async hook's
 * `before` sees each switch from one test's code to another's; at each
 * switch:
 * - the heap and external counters are read (a few µs): what was allocated
 *   since the last switch is the leaving test's (`allocated`);
 * - a segment marker is allocated: with the sampling heap profiler running,
 *   the markers' sample ids cut the live samples into the segments each test
 *   ran in (`retained`: live sampled bytes of the test's segments when it
 *   ends). See attribution-markers.ts.
 * Buffers' external bytes are owned through attribution-buffers.ts.
 *
 * A test's `allocated` is final when it ends; its `retained` is read a
 * moment later with every test that ended in the same turn of the event
 * loop (flushEnded): tests that end together (a `describe.concurrent` block,
 * Promise.all of scopes) share one GC and one read of the live samples,
 * which are most of what attribution costs (bench/attribution.bench.mjs).
 *
 * A verdict (toLeak and friends) inside one of the tests needs the sampling
 * profiler and a heap no marker grows: while it runs, attribution pauses
 * (pauseForVerdict) and the tests beside it keep their figures, as told
 * there.
 *
 * Nothing runs unless a test the runner marks concurrent is open: serial
 * suites pay nothing, and the hook, the profiler and the Buffer wrappers go
 * away when the last attributed test ends.
 *
 * Why not the profiler's stacks mapped to test bodies' source ranges: Vitest
 * keeps the test function behind closures (only the runner's wrapper is
 * reachable), a helper defined outside the body or a body shared by
 * `test.concurrent.each` cannot be told apart by position, and on the
 * pure-JS path each profile read is a full GC, so it must be read at test
 * ends only, which markers allow.
 */

/** Mean sampling interval while tests are attributed: ±11% on 640 KB of small objects (80 samples), exact on objects past 8 KB. */
export const ATTRIBUTION_INTERVAL_BYTES = 8192;
/**
 * Frames per sample: attribution reads sizes and sample ids only, and V8
 * walks this many frames for every sample (one per ~8 KB allocated). The
 * native default of 32 cost ~0.5 ms of CPU per test in
 * bench/attribution.bench.mjs; the pure-JS path's inspector keeps its own.
 */
const ATTRIBUTION_STACK_DEPTH = 1;
/**
 * Buffer bytes an ended test made since the last full GC above which its
 * retained read runs a full GC instead of a scavenge (native path): a
 * scavenge clears no WeakRef, so those Buffers count as alive until a full
 * GC says otherwise. Below it, they count as alive: the figure can be over
 * by this much, within the accuracy test's allowance.
 */
const UNPROVEN_BUFFER_BYTES = 128 * 1024;

interface Tally {
  heapAllocated: number;
  externalAllocated: number;
  /** Segments the test's code ran in: none means its code never ran in its scope (the plugin lost the context). */
  segments: number;
  /** Its code ran while a verdict had the profiler: what it allocated then is in no profile, so its heap retained is unknown. */
  blind: boolean;
  /** Set once the test ended: its figures wait for the next flushEnded. */
  ended?: { resolve: (figures: TaskFigures) => void; reject: (error: unknown) => void };
}

/** A verdict running in `verdictOf` (an attributed test, or null for another task) has the profiler; `ended` once its task closed. */
interface Pause {
  verdictOf: TaskScope | null;
  ended: boolean;
}

/**
 * Bytes one sample of an object of `size` stands for: the size over the
 * chance V8 sampled it (1 - e^(-size/interval)). V8's own count rounds that
 * to a whole number of objects, 1 for anything past ~1.4 intervals, which
 * under-counts a 16 KB array at the 8 KB interval by 13%. Used for
 * samples of one object only: the pure-JS path gets size × count as one
 * number and may split a 16 400-byte object as 2 × 8 200 (splitSampleSize),
 * where V8's count is kept.
 */
function unbiasedBytes(size: number): number {
  return size / -Math.expm1(-size / ATTRIBUTION_INTERVAL_BYTES);
}

function sampleBytes(sample: { size: number; count: number }): number {
  return sample.count === 1 ? unbiasedBytes(sample.size) : sample.size * sample.count;
}

export class ConcurrentAttribution {
  private readonly tallies = new Map<TaskScope, Tally>();
  private markers = new SegmentMarkers<TaskScope>(ATTRIBUTION_INTERVAL_BYTES);
  private readonly buffers = new BufferOwners<TaskScope>();
  /** Owner of each live sample seen by a read, by sample id. */
  private owners = new Map<number, TaskScope>();
  private lastCut: { id: number; owner: TaskScope | null } | null = null;
  private hook: AsyncHook | null = null;
  private current: TaskScope | null = null;
  private last: Reading | null = null;
  /** Owner of the last marker placed: code of nobody's (the runner's) places none. */
  private marked: TaskScope | null = null;
  /**
   * A verdict ran while tests were attributed: it restarts and stops the
   * sampling heap profiler, and its thousands of calls are no test's. The
   * tests open meanwhile keep their boundary figures.
   */
  private disturbed = false;
  private paused: Pause | null = null;
  /** Live sampled bytes of each test's segments, read when a verdict took the profiler (the samples are gone after). */
  private readonly carried = new Map<TaskScope, number>();
  /** Resolves once the ended tests' figures are read; null while none waits. */
  private flush: Promise<void> | null = null;

  constructor(
    private readonly capture: Capture,
    private readonly forced: GcTotals,
  ) {}

  /** An attributed test still open (an ended one waiting for its figures is not). */
  isAttributed(scope: TaskScope): boolean {
    const tally = this.tallies.get(scope);
    return tally !== undefined && !tally.ended;
  }

  /** Resolves once every ended test has its figures (the file's end waits for it). */
  idle(): Promise<void> {
    return this.flush ?? Promise.resolve();
  }

  /** Starts attributing `scope` (a test the runner runs concurrently); starts the machinery on first use. */
  attribute(scope: TaskScope): void {
    if (this.tallies.has(scope)) return;
    if (this.tallies.size === 0) this.activate();
    this.tallies.set(scope, { heapAllocated: 0, externalAllocated: 0, segments: 0, blind: false });
  }

  /** Runs `fn` as `scope`'s code: the switch into and out of it is charged like an async one. */
  runAs<T>(scope: TaskScope, fn: () => T): T {
    const before = this.current;
    this.switchTo(this.ownerOf(scope));
    try {
      return taskStorage.run(scope, fn);
    } finally {
      this.switchTo(before);
    }
  }

  /**
   * The rest of the running async chain runs as `scope`'s code (for a
   * plugin whose hook runs synchronously inside the chain that then calls
   * the test function; see AsyncLocalStorage.enterWith).
   */
  continueAs(scope: TaskScope): void {
    // No segment is counted for it: when the runner calls the hook from a
    // queue, the chain that calls the test function is not this one, and a
    // test whose code never ran in its scope must keep its boundary figures.
    this.switchTo(this.ownerOf(scope), false);
    taskStorage.enterWith(scope);
  }

  /**
   * A verdict starts inside `parent` while tests are attributed. Its calls
   * are its own task's, not the test's, and it needs the sampling profiler
   * (the pure-JS path's survivor sampler, an explanation's allocation
   * sites) and a heap that no marker grows. So the live samples are read and
   * filed under their tests (after a scavenge, as at a test's end), their
   * bytes carried over, and the profiler handed to the verdict. Until it
   * ends, switches are still read, so every test keeps its `allocated`, the
   * verdict's calls charged to no one; Buffers are still owned; no marker is
   * placed, so a test whose code runs meanwhile gets no heap `retained`.
   */
  pauseForVerdict(parent: TaskScope): void {
    if (!this.last || this.paused || this.disturbed) return;
    this.chargeCounters();
    const before = this.capture.gcTotals();
    if (this.capture.path === 'native') asMemscope(() => this.capture.gc('young'));
    const samples = this.readOwners();
    addForced(this.forced, before, this.capture.gcTotals());
    if (this.disturbed) return;
    for (const sample of samples) {
      const owner = sample.id === undefined ? undefined : this.owners.get(sample.id);
      if (owner) this.carried.set(owner, (this.carried.get(owner) ?? 0) + sampleBytes(sample));
    }
    this.markers.clear();
    this.owners = new Map();
    asMemscope(() => this.capture.stopSampling());
    this.paused = { verdictOf: this.ownerOf(parent), ended: false };
    this.current = this.ownerOf(taskStorage.getStore());
    this.last = takeReading(this.capture, this.forced, false);
  }

  /** The verdict's task closed; attribution resumes once its measuring has ended too (resumeIfDone). */
  verdictEnded(): void {
    if (this.paused) this.paused.ended = true;
  }

  /**
   * The attributed figures of `scope`, which ends now; stops everything
   * after the last one. None when no code ever ran in the test's scope: the
   * boundary figures then stay, as they are.
   *
   * Its counters are charged now and no segment of its opens after; its
   * live samples and Buffers are read in flushEnded, with the other tests
   * that end in this turn of the event loop.
   */
  finish(scope: TaskScope): Promise<TaskFigures> {
    const tally = this.tallies.get(scope);
    if (!tally || tally.ended) return Promise.resolve({});
    this.resumeIfDone();
    if (tally.segments === 0 || this.disturbed) {
      this.forget(scope);
      return Promise.resolve({});
    }
    // Code still running in its scope from here on (a callback it left) is nobody's.
    this.switchTo(this.current === scope ? null : this.current);
    const figures = new Promise<TaskFigures>((resolve, reject) => {
      tally.ended = { resolve, reject };
    });
    // Samples after its last segment (the runner's work until the read) are not its own.
    if (this.marked === scope && this.last && !this.paused && !this.disturbed) {
      this.mark(null);
      this.last = takeReading(this.capture, this.forced, false);
    }
    this.flush ??= new Promise<void>((resolve) => {
      // Outside every test's scope, so the callback is nobody's code; node:timers' setImmediate is never faked.
      taskStorage.exit(() => asMemscope(() => nodeTimers.setImmediate(() => {
        this.flush = null;
        try {
          this.flushEnded();
        } catch (error) {
          // Each waiting test's end fails with it, as a read at its end would have.
          for (const [scope, tally] of [...this.tallies]) {
            if (!tally.ended) continue;
            this.forget(scope);
            tally.ended.reject(error);
          }
        }
        resolve();
      })));
    });
    return figures;
  }

  /** The figures of every test that ended since the last flush: one GC and one read for all of them. */
  private flushEnded(): void {
    const ended = [...this.tallies].filter(([, tally]) => tally.ended);
    if (ended.length === 0) return;
    this.resumeIfDone();
    // While a verdict has the profiler only what was filed before it counts.
    const heapRetained = this.disturbed || this.paused ? this.chargeCountersOnly() : this.readRetained(ended.map(([scope]) => scope));
    const sampled = (value: number): Figure => ({ value: Math.max(0, Math.round(value)), source: 'sampled', intervalBytes: ATTRIBUTION_INTERVAL_BYTES });
    for (const [scope, tally] of ended) {
      if (this.disturbed) {
        this.forget(scope);
        tally.ended!.resolve({});
        continue;
      }
      const externalRetained = this.buffers.liveBytes(scope);
      // External use read in the test's segments drops when a GC in one of them
      // frees someone else's Buffers; the test's own Buffers are a floor.
      const externalAllocated = Math.max(tally.externalAllocated, this.buffers.allocatedBytes(scope));
      const heap = (this.carried.get(scope) ?? 0) + (heapRetained.get(scope) ?? 0);
      this.forget(scope);
      const figures: TaskFigures = { allocated: sampled(tally.heapAllocated + externalAllocated), external: sampled(externalRetained) };
      if (!tally.blind) figures.retained = sampled(heap + externalRetained);
      tally.ended!.resolve(figures);
    }
  }

  /** Charges the counters to the running test; no samples to read. */
  private chargeCountersOnly(): Map<TaskScope, number> {
    this.switchTo(this.current);
    return new Map();
  }

  private forget(scope: TaskScope): void {
    this.tallies.delete(scope);
    this.carried.delete(scope);
    this.buffers.forget(scope);
    // Its samples leave `owners` at the next read (readOwners keeps open tests' only).
    if (this.tallies.size === 0) this.deactivate();
  }

  private activate(): void {
    this.disturbed = false;
    this.paused = null;
    this.carried.clear();
    this.startProfile();
    // A verdict's calls own no Buffer; a test's code beside a paused verdict does.
    this.buffers.install(() => (isMeasuring() && !this.paused ? null : this.current));
    // Named so the marker's sample carries a memscope frame even when V8 inlines the marker into it.
    const memscopeBeforeCallback = (): void => {
      if (this.paused?.ended) this.resumeIfDone();
      const owner = this.ownerOf(taskStorage.getStore());
      if (owner !== this.current) this.switchTo(owner);
    };
    this.hook = createHook({ before: memscopeBeforeCallback }).enable();
    this.switchTo(this.ownerOf(taskStorage.getStore()));
  }

  private deactivate(): void {
    this.hook?.disable();
    this.hook = null;
    this.markers.clear();
    this.buffers.uninstall();
    // While paused the profiler is the verdict's.
    if (!this.paused) asMemscope(() => this.capture.stopSampling());
    this.paused = null;
    this.carried.clear();
    this.owners = new Map();
    this.current = null;
    this.last = null;
  }

  /** The attributed test a scope belongs to (a hook inside a test counts as the test), null for none. */
  private ownerOf(scope: TaskScope | null | undefined): TaskScope | null {
    for (let at = scope ?? null; at; at = at.parent) {
      // A paused verdict's calls run in its test's scope, but are no test's.
      if (this.isAttributed(at)) return this.paused !== null && at === this.paused.verdictOf ? null : at;
    }
    return null;
  }

  /** Once the verdict's task and its measuring have ended: a new profile, new markers, the test running now marked. */
  private resumeIfDone(): void {
    if (!this.paused?.ended || isMeasuring()) return;
    this.switchTo(this.current);
    this.paused = null;
    this.startProfile();
    this.switchTo(this.ownerOf(taskStorage.getStore()));
  }

  /** A new sampling profile, with markers and owners of its own, and a fresh counter reading; no test running yet. */
  private startProfile(): void {
    asMemscope(() => this.capture.startSampling(ATTRIBUTION_INTERVAL_BYTES, ATTRIBUTION_STACK_DEPTH));
    // A new profile numbers its samples from 1 again.
    this.markers = new SegmentMarkers<TaskScope>(ATTRIBUTION_INTERVAL_BYTES);
    this.owners = new Map();
    this.lastCut = null;
    this.marked = null;
    this.current = null;
    this.last = takeReading(this.capture, this.forced, false);
  }

  /**
   * Charges the counters since the last switch to the running test and opens
   * `owner`'s segment (counted unless `ownCode` is false: see continueAs).
   */
  private switchTo(owner: TaskScope | null, ownCode = true): void {
    if (!this.last) return;
    // No marker may be held while a verdict measures the heap's growth; one
    // with no task of its own (outside any recorded test) gets no pause.
    if ((isMeasuring() && !this.paused) || this.disturbed) {
      if (!this.disturbed) this.markers.clear();
      this.disturbed = true;
      this.current = owner;
      return;
    }
    this.chargeCounters();
    // `owner` may have ended meanwhile (runAs returning to the test it interrupted).
    const entered = owner ? this.tallies.get(owner) : undefined;
    if (entered && ownCode) entered.segments++;
    this.current = owner;
    if (this.paused) {
      if (entered) entered.blind = true;
      return;
    }
    if (this.markers.count >= MARKERS_PER_READ) this.readOwners();
    // The runner's code between two tests' is charged to no one's counters,
    // but needs no marker: the few samples it leaves alive go to the test
    // before it, and a test resumed after it needs no new cut.
    if (owner !== null && owner !== this.marked) {
      this.mark(owner);
      // The marker is no one's allocation.
      this.last = takeReading(this.capture, this.forced, false);
    }
  }

  /** What the heap and external counters grew by since the last reading goes to the running test. */
  private chargeCounters(): void {
    const now = takeReading(this.capture, this.forced, false);
    const tally = this.current ? this.tallies.get(this.current) : undefined;
    if (tally) {
      tally.heapAllocated += allocatedBetween(this.last!, now);
      tally.externalAllocated += Math.max(0, now.external - this.last!.external);
    }
    this.last = now;
  }

  private mark(owner: TaskScope | null): void {
    this.markers.place(owner);
    this.marked = owner;
  }

  /**
   * Live sampled bytes of each of `scopes`' segments after a GC, the GC kept
   * out of every task's figures. The pure-JS path's profile read runs a full
   * one itself (the inspector's getSamplingProfile collects first). The
   * native read does not: the samples are filed under their owners first,
   * which lets the markers go, then a scavenge clears the short-lived
   * garbage the tests made (it would otherwise count as retained) and a
   * second read, of ids and sizes only, lists what survived. A scavenge with
   * the markers still held copies ~80 KB per switch since the last read (six
   * of them added 0.14 ms to a 0.06 ms scavenge, where a read of ids and
   * sizes on a small heap takes 0.05 ms). Garbage
   * that had already reached the old generation still counts until V8
   * collects it. A full GC replaces the scavenge when a test ends with
   * Buffers no full GC has seen (UNPROVEN_BUFFER_BYTES).
   */
  private readRetained(scopes: readonly TaskScope[]): Map<TaskScope, number> {
    this.switchTo(this.current);
    const before = this.capture.gcTotals();
    let samples = this.readOwners();
    if (this.capture.path === 'native') {
      this.buffers.fullGcGeneration();
      const full = scopes.some((scope) => this.buffers.unprovenBytes(scope) > UNPROVEN_BUFFER_BYTES);
      asMemscope(() => this.capture.gc(full ? 'fast' : 'young'));
      if (full) this.buffers.fullGcGeneration(true);
      samples = asMemscope(() => this.capture.readSampleSizes());
    }
    addForced(this.forced, before, this.capture.gcTotals());
    // Taken after the forced GC is on record, so the next test's share leaves it out.
    this.last = takeReading(this.capture, this.forced, false);
    const wanted = new Set(scopes);
    const bytes = new Map<TaskScope, number>();
    for (const sample of samples) {
      const owner = sample.id === undefined ? undefined : this.owners.get(sample.id);
      if (owner && wanted.has(owner)) bytes.set(owner, (bytes.get(owner) ?? 0) + sampleBytes(sample));
    }
    return bytes;
  }

  /** Reads the live samples and files the new ones under their segments' owners. */
  private readOwners(): ReturnType<Capture['readSampling']> {
    const resumeAs = this.current;
    // The read's own allocations fall in a segment of nobody's (already open when the last marker is nobody's).
    if (this.marked !== null) this.mark(null);
    // Sizes and ids are all a segment's owner needs: no frames to build.
    const samples = asMemscope(() => this.capture.readSampleSizes());
    const { owners, last, lost } = this.markers.assign(samples, this.lastCut);
    if (lost) this.disturbed = true;
    const live = new Map<number, TaskScope>();
    for (const sample of samples) {
      if (sample.id === undefined) continue;
      const owner = owners.get(sample.id) ?? this.owners.get(sample.id);
      if (owner && this.tallies.has(owner)) live.set(sample.id, owner);
    }
    this.owners = live;
    this.lastCut = last;
    if (resumeAs !== null) this.mark(resumeAs);
    // The read (and its GC) belongs to no segment.
    this.last = takeReading(this.capture, this.forced, false);
    return samples;
  }
}

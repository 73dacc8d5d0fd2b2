/**
 * The screen's order of play as data: the phases a verdict's rounds go
 * through, and the one function that picks the next phase from what the
 * last one showed. The phases run in verdict/screen/windows.ts; nothing here reads
 * the heap, so every path can be followed with made-up windows
 * (test/verdict/screen-plan.test.ts).
 */

/** How a window's rounds are read (see ScreenInput.precise and .sampler). */
export type RoundsMode = 'plain' | 'exact' | 'sampled';

export type Phase =
  /** One or two exact windows of two rounds that may pass a slow sync function outright (verdict/screen/quick-window.ts). */
  | { kind: 'quickWindow' }
  /** The first window of rounds; `forTime` when exact rounds would not fit in the time left. */
  | { kind: 'rounds'; mode: RoundsMode; forTime: boolean }
  /** An exact reading at the end of a flat plain window, against the one taken at its start (see hidesGrowth). */
  | { kind: 'exactEnd' }
  /** The first window again with rounds four times as large, once. */
  | { kind: 'largerRounds' }
  /** The first window again, at the same size: after a fall, or exactly when plain rounds could hide growth. */
  | { kind: 'rescreen'; exact: boolean }
  /** Rounds that tell a leak from growth that levels off; `switchToExact` when plain page moves could fake growth. */
  | { kind: 'secondWindow'; switchToExact: boolean }
  /** The screen is over: its result is judged. */
  | { kind: 'judge' };

export type PhaseKind = Phase['kind'];

/**
 * What the driver asks of the window just screened. Each is a function, so
 * a fact that costs something (an exact reading, a forced collection) is
 * only taken when the path needs it, in the order the path asks.
 */
export interface WindowFacts {
  /** The quick window kept next to nothing: every figure flat. */
  passed(): boolean;
  /** Exact rounds at the pace seen so far would end after the test's own limit. */
  exactRoundsOverrun(): boolean;
  /** The deadline stopped the rounds. */
  cutShort(): boolean;
  /** The heap's noise drowned what more rounds could show (see lostInNoise). */
  lostInNoise(): boolean;
  /** The window's readings were exact. */
  exact(): boolean;
  /** Some of the first window's rounds so far were exact. */
  exactSoFar(): boolean;
  /** The window's heap use reads flat. */
  flat(): boolean;
  /** The heap falls steadily, which can mask a leak of the same size (see isFalling). */
  falling(): boolean;
  /** Plain rounds: the heap's noise is far above the floor, with a rising trend a leak would drown in. */
  drowned(): boolean;
  /** Exact rounds: the heap moved by more than the floor between rounds. */
  noisy(): boolean;
  /** The function is async (each call waits for the event loop). */
  async(): boolean;
  /** The user left the round size to memscope and rounds can grow. */
  canGrowRounds(): boolean;
  /** Rounds are as large as they get (a fast function). */
  fullRounds(): boolean;
  /** Only the heap moved: every other figure is flat. */
  onlyHeapMoved(): boolean;
  /** An exact reading was taken before the plain rounds (see exactAtStart). */
  exactEnds(): boolean;
  /** The exact reading at the end grew by more than the floor of every round. */
  hidesGrowth(): boolean;
  /** Some figure is not flat. */
  anyGrowth(): boolean;
  /** Only the heap grew, by a page or two a round off a straight line (plain page moves may be all it is), and exact rounds fit in the time and the heap. */
  pageSizedGrowth(): boolean;
}

/** The next phase and the named facts that chose it. */
export interface Decision {
  next: Phase;
  why: string;
}

/**
 * The first phase: a slow sync function screened exactly and free to stop
 * early gets the quick window. In a DOM environment whose exact readings
 * would not fit in the test's time, plain rounds, for time: jsdom's and
 * happy-dom's own bookkeeping (wrappers, parser and style caches replaced
 * every window) keeps 85–185 KiB in a clean widget's window of 120 calls,
 * so the window never passes there, and its two heap walks (0.7–1.1 s each
 * beside a 50 MB heap under load) left no time for the rounds: the clean
 * widget ended with no verdict.
 */
export function firstPhase(start: { mode: RoundsMode; earlyStop: boolean; async: boolean; domExactOverrun?: boolean }): Decision {
  if (start.mode === 'exact' && start.domExactOverrun) return { next: { kind: 'rounds', mode: 'plain', forTime: true }, why: 'DOM environment; exact readings would overrun the time limit' };
  const next: Phase = start.mode === 'exact' && start.earlyStop && !start.async ? { kind: 'quickWindow' } : { kind: 'rounds', mode: start.mode, forTime: false };
  const why = [start.mode, start.async ? 'async' : 'sync', ...(start.earlyStop ? [] : ['every round runs'])].join(', ');
  return { next, why };
}

/** Picks the phase after `done`, from what it showed. */
export function nextPhase(done: Phase, w: WindowFacts): Decision {
  switch (done.kind) {
    case 'quickWindow':
      if (w.passed()) return { next: { kind: 'judge' }, why: 'flat, passed' };
      if (w.exactRoundsOverrun()) return { next: { kind: 'rounds', mode: 'plain', forTime: true }, why: 'not clean; exact rounds would overrun the time limit' };
      return { next: { kind: 'rounds', mode: 'exact', forTime: false }, why: 'not clean' };
    case 'rounds':
      return w.exact() ? afterExactRounds(w) : afterPlainRounds(w, done.forTime);
    case 'exactEnd':
      if (w.hidesGrowth()) return { next: { kind: 'rescreen', exact: true }, why: 'hid growth' };
      return w.falling() ? { next: { kind: 'rescreen', exact: false }, why: 'falling' } : endOfFirstWindow(w);
    case 'largerRounds':
    case 'rescreen':
      return endOfFirstWindow(w);
    case 'secondWindow':
    case 'judge':
      return { next: { kind: 'judge' }, why: 'done' };
  }
}

/** Out of time, or rounds that cannot tell growth from noise: no second look. */
function judgedAsIs(w: WindowFacts): string | undefined {
  if (w.cutShort()) return 'cut short';
  if (w.lostInNoise()) return 'lost in noise';
  return undefined;
}

function afterExactRounds(w: WindowFacts): Decision {
  const stop = judgedAsIs(w);
  if (stop) return { next: { kind: 'judge' }, why: stop };
  // Even exact, an async round of a hundred-odd calls moves by more than a
  // small leak adds (the event loop's own objects in flight): when the heap
  // reads flat through that noise, larger rounds, once.
  if (w.async() && w.flat() && w.noisy() && w.canGrowRounds()) return { next: { kind: 'largerRounds' }, why: 'async, flat, noisy' };
  // Exact readings show a fall plainly (the screen's own collections age bytecode too): once more after it.
  if (w.falling()) return { next: { kind: 'rescreen', exact: true }, why: 'falling' };
  return endOfFirstWindow(w);
}

function afterPlainRounds(w: WindowFacts, forTime: boolean): Decision {
  const stop = judgedAsIs(w);
  if (stop) return { next: { kind: 'judge' }, why: stop };
  // Heap noise far above what this round size can show (big tables
  // rehashing, pages): a small leak would drown. Async code without exact
  // readings gets the same (its survivors can hide in space already
  // counted, see wantsExactRounds): larger rounds, once.
  if (w.flat() && (w.drowned() || w.async()) && w.canGrowRounds() && !forTime) {
    return { next: { kind: 'largerRounds' }, why: w.drowned() ? 'flat, drowned' : 'async, flat' };
  }
  // A fast function's rounds are as large as they get: a flat window
  // drowned in page moves, or whose exact ends grew, is screened again exactly.
  if (w.flat() && w.exactEnds()) {
    if (w.drowned() && !w.async() && w.fullRounds() && w.onlyHeapMoved()) return { next: { kind: 'rescreen', exact: true }, why: 'flat, drowned, full rounds' };
    return { next: { kind: 'exactEnd' }, why: 'flat' };
  }
  return w.falling() ? { next: { kind: 'rescreen', exact: false }, why: 'falling' } : endOfFirstWindow(w);
}

/**
 * After the first window: when a figure grew, a second window tells a leak
 * from growth that levels off (pools, agents, caches that fill slowly).
 */
function endOfFirstWindow(w: WindowFacts): Decision {
  const stop = judgedAsIs(w);
  if (stop) return { next: { kind: 'judge' }, why: stop };
  if (!w.anyGrowth()) return { next: { kind: 'judge' }, why: 'flat' };
  const switchToExact = !w.exactSoFar() && w.pageSizedGrowth();
  return { next: { kind: 'secondWindow', switchToExact }, why: switchToExact ? 'grew by a page or two, exact next' : 'grew' };
}

/** A phase as the trace names it: `rounds (exact)`, `second window`. */
export function phaseLabel(phase: Phase): string {
  switch (phase.kind) {
    case 'quickWindow':
      return 'quick window';
    case 'rounds':
      return `rounds (${phase.mode}${phase.forTime ? ', for time' : ''})`;
    case 'exactEnd':
      return 'exact end';
    case 'largerRounds':
      return 'larger rounds';
    case 'rescreen':
      return `rescreen (${phase.exact ? 'exact' : 'same'})`;
    case 'secondWindow':
      return `second window${phase.switchToExact ? ' (exact)' : ''}`;
    case 'judge':
      return 'judge';
  }
}

/**
 * Which handles were left open one per call. A line of code that opens a
 * handle per call and never closes it may stop at a cap (a pool's limit, a
 * library that opens N and then reuses them), often within the warm-up, so
 * the count of open handles is flat in every round. What still shows it is
 * who opened them: the handles still open came from several distinct calls.
 */

/** What the judgement needs of a handle still open. */
export interface OpenHandle {
  type: string;
  stack: string[];
  /** `type` and first frame: the group the handle belongs to. */
  key: string;
  /** The call that made it, 1 being the first (warm-up included). */
  call: number;
  /** The screening round it was made in; 0 = before the rounds. */
  round: number;
  /** Made where no call was on the stack, charged to the call running then. */
  outsideTheCalls: boolean;
}

export interface HandleGroup {
  type: string;
  stack: string[];
  /** Handles of this group still open. */
  open: number;
  /** The first and last call that left one open. */
  firstCall: number;
  lastCall: number;
  /** Open handles per call while the group grew: `open` over the calls from the first to the last that left one. */
  perCall: number;
}

/**
 * A lazy singleton, a shared pool's one connection or a keep-alive agent's
 * socket is opened by one call; a second one may come from a reconnect.
 * Three distinct calls each leaving one open is a pattern, not an accident.
 */
export const MIN_CALLS_LEAVING_ONE_OPEN = 3;

/** Rounds from which handles of a group that also closes many are still open, for its part of the rounds' growth to be its own. */
export const MIN_ROUNDS_LEAVING_OPEN = 3;

/**
 * Timers armed outside the calls are charged to whichever call runs: a
 * background interval's timers would spread over the calls too, but at the
 * pace of the clock. A library's timer per reply keeps pace with the calls.
 */
export const MIN_PER_CALL_OUTSIDE_THE_CALLS = 0.5;

/**
 * Groups of open handles that grew with the calls. A group counts when its
 * open handles came from at least MIN_CALLS_LEAVING_ONE_OPEN distinct calls
 * and either it closed no more handles than it left open (it does not close
 * what it opens: a cap, or no cap at all), or the open count grew over the
 * screened rounds (`grewInRounds`) and this group still has handles open
 * from several of them (some are closed, the rest pile up). A bounded set that is renewed (a cache of 100 entries whose timers are
 * cleared on eviction, a 200 ms timer per call) closes far more than it
 * keeps, and its count is flat: not a leak.
 */
export function groupsLeftOpen(handles: readonly OpenHandle[], closed: ReadonlyMap<string, number>, grewInRounds: boolean): HandleGroup[] {
  const byKey = new Map<string, OpenHandle[]>();
  for (const handle of handles) {
    const members = byKey.get(handle.key);
    if (members) members.push(handle);
    else byKey.set(handle.key, [handle]);
  }
  const groups: HandleGroup[] = [];
  for (const [key, members] of byKey) {
    const calls = new Set(members.map((handle) => handle.call));
    if (calls.size < MIN_CALLS_LEAVING_ONE_OPEN) continue;
    const keepsWhatItOpens = (closed.get(key) ?? 0) <= members.length;
    // The rounds' count is of every handle: this group's part in it shows in
    // handles still open from many rounds, where a renewed set keeps only the last.
    const roundsLeavingOpen = new Set(members.filter((handle) => handle.round >= 1).map((handle) => handle.round)).size;
    if (!keepsWhatItOpens && !(grewInRounds && roundsLeavingOpen >= MIN_ROUNDS_LEAVING_OPEN)) continue;
    // A loop, not Math.min(...calls): a timer per call leaves hundreds of thousands.
    let firstCall = Infinity;
    let lastCall = 0;
    for (const call of calls) {
      firstCall = Math.min(firstCall, call);
      lastCall = Math.max(lastCall, call);
    }
    const sample = members[0]!;
    const perCall = members.length / (lastCall - firstCall + 1);
    if (sample.outsideTheCalls && perCall < MIN_PER_CALL_OUTSIDE_THE_CALLS) continue;
    groups.push({ type: sample.type, stack: sample.stack, open: members.length, firstCall, lastCall, perCall });
  }
  return groups.sort((a, b) => b.open - a.open);
}

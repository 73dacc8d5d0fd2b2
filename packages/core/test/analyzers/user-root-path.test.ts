import { describe, expect, it } from 'vitest';
import { elideInternalHops, fromUserRoot, retainerStepsText } from '../../src/analyzers/retainer-path.js';
import type { RetainerStep } from '../../src/analyzers/types.js';

const steps = (text: string): RetainerStep[] =>
  text.split(' | ').map((part) => {
    const [node, edge] = part.split(' -');
    return edge === undefined ? { node: node! } : { node: node!, edge };
  });

/** The rendered text; `holder` is the step of the object that gains a reference per call. */
const shown = (text: string, holder?: number) => retainerStepsText(elideInternalHops(fromUserRoot(steps(text), holder)));

describe('retainer paths start where the user knows', () => {
  it("drops Node's realm and cleanup queue before the library's module variable", () => {
    expect(shown('Node / PrincipalRealm -cleanup_queue | Node / CleanupQueue -[37] | Node / BindingData -native_to_javascript | (module) -registry | Map -table[4] | Object'))
      .toBe('(module) registry → Map → table[4] → Object');
  });

  it('starts at an open handle when no variable holds the emitter', () => {
    expect(shown('Node / PrincipalRealm -handles | (Global handles) -[3] | TCP -<symbol owner_symbol> | Socket -_events | Object -data | Array -[12] | onData()'))
      .toBe('TCP → <symbol owner_symbol> → Socket → _events → Object → data → Array → [12] → onData()');
  });

  it('starts at process for a listener added to it', () => {
    expect(shown('system / NativeContext -global_proxy | system / JSGlobalProxy -process | process -_events | Object -exit | Array -[3] | onExit()'))
      .toBe('process → _events → Object → exit → Array → [3] → onExit()');
  });

  it("starts at the user's variable that leads to the holder, not at a handle further up", () => {
    expect(shown('Generator -[4] | (closure) -client | Client -socket | Socket -_events | Object -data | Array -[1] | onData()', 3))
      .toBe('(closure) client → Client → socket → Socket → _events → Object → data → Array → [1] → onData()');
    // A request handler on a server closes over the user's emitter: the variable, not the server's handle.
    expect(shown('TCP -<symbol owner_symbol> | Server -_events | Object -request | (anonymous function) -context | (closure) -events | EventEmitter -_events | Object -shutdown | Array -[419] | onShutdown()', 5))
      .toBe('(closure) events → EventEmitter → _events → Object → shutdown → Array → [419] → onShutdown()');
  });

  it("ignores a variable past the holder: a listener's own scope is what leaks, not who keeps it", () => {
    expect(shown('TCP -<symbol owner_symbol> | Socket -_events | Object -data | Array -[1] | onData() -context | (closure) -pending | Object', 1))
      .toBe('TCP → <symbol owner_symbol> → Socket → _events → Object → data → Array → [1] → onData() → context → (closure) pending → Object');
  });

  it("reads an EventTarget's linked list of listener records as the listener's place on its target", () => {
    const chain = Array.from({ length: 500 }, () => 'Listener -next').join(' | ');
    expect(shown(`(closure) -signal | AbortSignal -<symbol kEvents> | Map -table[6] | Object -next | ${chain} | Listener -callback | onAbort()`))
      .toBe('(closure) signal → AbortSignal → listeners[500] → Listener → callback → onAbort()');
    expect(shown('(module) -channel | EventTarget -Symbol(kEvents) | Map -table[3] | Object -next | Listener')).toBe('(module) channel → EventTarget → listeners[0] → Listener');
    // Another chain of records (a user's own linked list) keeps its steps.
    expect(shown(`(module) -queue | Queue -head | ${chain} | Listener`)).toBe('(module) queue → Queue → head → … 500 × Listener → next → Listener');
  });

  it('without a known root, starts at the first step that is not bookkeeping', () => {
    expect(shown('Node / Environment -x | system / Context -y | Pool -idle | Array -[2] | Connection')).toBe('Pool → idle → Array → [2] → Connection');
  });

  it('folds a run of internal hops in the middle into one step, keeping both ends', () => {
    const path = steps('(module) -cache | system / Context -previous | system / Context -previous | system / Context -value | (object properties) -[4] | Session');
    const text = retainerStepsText(elideInternalHops(fromUserRoot(path)));
    expect(text).toBe('(module) cache → … 4 internal hops … → [4] → Session');
    // A single internal hop reads as well as its elision: it stays.
    expect(shown('(module) -store | system / Context -value | Session')).toBe('(module) store → system / Context → value → Session');
  });
});

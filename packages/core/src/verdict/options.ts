import { MemscopeError } from '../errors.js';
import type { FindingKind } from './types.js';

/** A known leak to leave out of the verdict, matched against a leaking group. */
export interface IgnoreRule {
  /** Constructor or group name: exact string or pattern. */
  constructor?: string | RegExp;
  /** Matched against the rendered retainer path. */
  retainerPath?: string | RegExp;
  /** Matched against `file:line` of the allocation site. */
  allocationSite?: string | RegExp;
}

/** What an ignore predicate sees of a leaking group. */
export interface IgnoreSubject {
  kind: FindingKind;
  name: string;
  retainerPath: string;
  allocationSite: string;
}

export type IgnoreEntry = IgnoreRule | ((subject: IgnoreSubject) => boolean);

export interface LeakOptions {
  /** Calls before measuring, untimed. Default: adaptive, at least 20 calls or 50 ms. */
  warmup?: number;
  /** Calls between two measurements. Default: sized from the function's speed (≥ 30). */
  callsPerRound?: number;
  /** Measured rounds in the screen. Default 6. */
  rounds?: number;
  /** Rounds the screen may grow to when the data are ambiguous. Default 16. */
  maxRounds?: number;
  /** Milliseconds one call may take before the verdict gives up. Default 10 000. */
  timeout?: number;
  /** Which findings to look for. Default all four. */
  kinds?: FindingKind[];
  /** Bytes per call below which growth is not a leak. Default 8 (see README: noise). */
  threshold?: number;
  /** Known leaks to leave out. */
  ignore?: IgnoreEntry[];
  /** Forced-GC strength between rounds. Default 'fast'. */
  gc?: 'fast' | 'thorough';
  /**
   * Milliseconds the whole verdict may take. Default: none for checkLeak;
   * the matchers give it what is left of the running test's timeout. A
   * verdict that cannot explain its growth in time fails with the growth it
   * measured and says what was cut short.
   */
  timeLimit?: number;
}

export interface ResolvedLeakOptions {
  warmup: number | undefined;
  callsPerRound: number | undefined;
  rounds: number;
  /** Whether `rounds` came from the user (then every round runs). */
  roundsGiven: boolean;
  maxRounds: number;
  timeout: number;
  kinds: ReadonlySet<FindingKind>;
  threshold: number;
  ignore: IgnoreEntry[];
  gc: 'fast' | 'thorough';
  timeLimit: number | undefined;
}

const ALL_KINDS: FindingKind[] = ['heap', 'storm', 'handle', 'native'];
const KNOWN_OPTIONS = new Set(['warmup', 'callsPerRound', 'rounds', 'maxRounds', 'timeout', 'kinds', 'threshold', 'ignore', 'gc', 'timeLimit']);

export const DEFAULT_THRESHOLD_BYTES = 8;

function invalid(option: string, expected: string, got: unknown): never {
  const shown = typeof got === 'string' ? JSON.stringify(got) : String(got);
  throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `checkLeak: option \`${option}\` must be ${expected}, got ${shown}.`);
}

function integer(options: LeakOptions, name: keyof LeakOptions, min: number): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) invalid(name, `an integer ≥ ${min}`, value);
  return value;
}

export function resolveLeakOptions(options: unknown): ResolvedLeakOptions {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    invalid('options', 'an object', options);
  }
  const opts = options as LeakOptions;
  for (const key of Object.keys(opts)) {
    if (!KNOWN_OPTIONS.has(key)) invalid(key, `one of the known options (${[...KNOWN_OPTIONS].join(', ')})`, 'an unknown option');
  }
  const rounds = integer(opts, 'rounds', 3) ?? 6;
  const maxRounds = integer(opts, 'maxRounds', 3) ?? Math.max(16, rounds);
  if (maxRounds < rounds) invalid('maxRounds', `at least \`rounds\` (${rounds})`, maxRounds);
  const timeout = opts.timeout ?? 10_000;
  if (typeof timeout !== 'number' || !(timeout > 0)) invalid('timeout', 'a positive number of milliseconds', timeout);
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD_BYTES;
  if (typeof threshold !== 'number' || !(threshold >= 0) || !Number.isFinite(threshold)) {
    invalid('threshold', 'a number of bytes per call ≥ 0', threshold);
  }
  const kinds = opts.kinds ?? ALL_KINDS;
  if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !ALL_KINDS.includes(k))) {
    invalid('kinds', `a non-empty array of ${ALL_KINDS.map((k) => `'${k}'`).join(', ')}`, JSON.stringify(kinds));
  }
  const ignore = opts.ignore ?? [];
  if (!Array.isArray(ignore)) invalid('ignore', 'an array of rules or predicates', ignore);
  ignore.forEach((entry, i) => {
    if (typeof entry === 'function') return;
    if (entry === null || typeof entry !== 'object') invalid(`ignore[${i}]`, 'a rule object or a predicate', entry);
    for (const [key, value] of Object.entries(entry)) {
      if (!['constructor', 'retainerPath', 'allocationSite'].includes(key)) {
        invalid(`ignore[${i}].${key}`, 'one of constructor, retainerPath, allocationSite', 'an unknown key');
      }
      if (typeof value !== 'string' && !(value instanceof RegExp)) invalid(`ignore[${i}].${key}`, 'a string or RegExp', value);
    }
  });
  const gc = opts.gc ?? 'fast';
  if (gc !== 'fast' && gc !== 'thorough') invalid('gc', "'fast' or 'thorough'", gc);
  const timeLimit = opts.timeLimit;
  if (timeLimit !== undefined && (typeof timeLimit !== 'number' || !(timeLimit > 0))) invalid('timeLimit', 'a positive number of milliseconds', timeLimit);
  return {
    warmup: integer(opts, 'warmup', 0),
    callsPerRound: integer(opts, 'callsPerRound', 1),
    rounds,
    roundsGiven: opts.rounds !== undefined,
    maxRounds,
    timeout,
    kinds: new Set(kinds),
    threshold,
    ignore,
    gc,
    timeLimit,
  };
}

/** Whether a leaking group matches one of the user's ignore entries. */
export function isIgnored(subject: IgnoreSubject, ignore: IgnoreEntry[]): boolean {
  const matches = (pattern: string | RegExp | undefined, text: string) =>
    pattern === undefined || (typeof pattern === 'string' ? text === pattern || text.includes(pattern) : pattern.test(text));
  return ignore.some((entry) => {
    if (typeof entry === 'function') {
      try {
        return entry(subject);
      } catch {
        return false;
      }
    }
    // `constructor` is inherited by every object: read own keys only.
    const own = (key: keyof IgnoreRule) => (Object.hasOwn(entry, key) ? entry[key] : undefined);
    return (
      matches(own('constructor'), subject.name) &&
      matches(own('retainerPath'), subject.retainerPath) &&
      matches(own('allocationSite'), subject.allocationSite)
    );
  });
}

import { MemscopeError, type MemscopeErrorCode } from '../../errors.js';

/**
 * Small structural checks for files memscope reads back (reports, baselines).
 * Each failure names the file, the field (as a JSON path such as
 * `tasks[12].figures.retained.value`) and what was expected, so a hand-edited
 * or truncated file can be fixed without reading our source.
 */
export class Checker {
  constructor(
    readonly code: MemscopeErrorCode,
    /** The file (or other source) being read, quoted in every message. */
    readonly source: string,
  ) {}

  fail(path: string, expected: string, got: unknown): never {
    throw new MemscopeError(
      this.code,
      `${this.source}: ${path || '(top level)'} should be ${expected}, got ${describe(got)}`,
    );
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'an array', value);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'a string', value);
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a finite number', value);
    return value;
  }

  nonNegative(value: unknown, path: string): number {
    const n = this.number(value, path);
    if (n < 0) this.fail(path, 'a number ≥ 0', value);
    return n;
  }

  integer(value: unknown, path: string, min = 0): number {
    const n = this.number(value, path);
    if (!Number.isInteger(n) || n < min) this.fail(path, `an integer ≥ ${min}`, value);
    return n;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'true or false', value);
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
    }
    return value as T;
  }

  stringArray(value: unknown, path: string): string[] {
    const list = this.array(value, path);
    list.forEach((item, i) => this.string(item, `${path}[${i}]`));
    return list as string[];
  }

  /**
   * Checks a file's `schemaVersion`. A newer version than this memscope
   * knows gets its own message: the fix is to upgrade, not to edit the file.
   */
  schemaVersion(value: unknown, current: number, what: string): void {
    if (value === current) return;
    if (typeof value === 'number' && Number.isInteger(value) && value > current) {
      throw new MemscopeError(
        this.code,
        `${this.source}: written by a newer memscope (${what} schemaVersion ${value}); this memscope reads version ${current} only. ` +
          'Upgrade the @memscope packages, or delete the file to start afresh.',
      );
    }
    this.fail('schemaVersion', `${current} (this memscope reads ${what} version ${current} only)`, value);
  }

  /** Checks several fields of one record, each by the named kind. */
  fields(record: Record<string, unknown>, path: string, kinds: Record<string, FieldKind>): void {
    for (const [key, kind] of Object.entries(kinds)) FIELD_CHECKS[kind](this, record[key], join(path, key));
  }

  /** Checks `value[key]` only when present (not undefined). */
  optional<T>(record: Record<string, unknown>, key: string, path: string, check: (v: unknown, p: string) => T): void {
    if (record[key] !== undefined) check(record[key], join(path, key));
  }
}

export type FieldKind = 'string' | 'number' | 'boolean' | 'strings';

const FIELD_CHECKS: Record<FieldKind, (c: Checker, value: unknown, path: string) => unknown> = {
  string: (c, v, p) => c.string(v, p),
  number: (c, v, p) => c.number(v, p),
  boolean: (c, v, p) => c.boolean(v, p),
  strings: (c, v, p) => c.stringArray(v, p),
};

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (safe !== key) return `${path}[${safe}]`;
  return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Parses JSON text, turning a syntax error into the checker's error. */
export function parseJson(text: string, checker: Checker): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MemscopeError(
      checker.code,
      `${checker.source}: not valid JSON (${detail}); the file may be truncated or edited by hand`,
      { cause: error },
    );
  }
}


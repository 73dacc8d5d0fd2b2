import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MemscopeError } from '../errors.js';
import { asMemscope } from './storage.js';
import type { FileRecord } from './types.js';

/**
 * Carrying figures from workers to the reporter through files: one JSON file
 * per test file, written whole (temp file + rename, atomic on one file
 * system) so a reader never sees half a record. A worker that crashes loses
 * only the files it had not written; the reader names them.
 */

const SUFFIX = '.memscope.json';

/**
 * 32-bit FNV-1a of the path's UTF-16 code units. Not node:crypto: loading it
 * costs every worker ~4 ms per test file (Jest and Vitest reload this module
 * per file), and the hash only has to tell apart paths that read alike.
 */
function pathHash(file: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) {
    hash ^= file.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Temp files of one process told apart; the pid tells processes apart. */
let tempCounter = 0;

/** `src/a.test.ts` → `src_a.test.ts.1f2e3d4c.memscope.json`: readable, and unique per path. */
export function recordFileName(file: string): string {
  const readable = file.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80);
  const hash = pathHash(file);
  return `${readable}.${hash}${SUFFIX}`;
}

function checkDir(dir: string, caller: string): void {
  if (typeof dir !== 'string' || dir === '') {
    throw new MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${caller}(dir) expects a directory path, received ${String(dir)}`);
  }
}

function targetAndTemp(dir: string, record: FileRecord): { target: string; temp: string } {
  const target = path.join(dir, recordFileName(record.file));
  return { target, temp: `${target}.${process.pid}.${Date.now().toString(36)}.${(tempCounter++).toString(36)}.tmp` };
}

export async function writeFileRecord(dir: string, record: FileRecord): Promise<string> {
  checkDir(dir, 'writeFileRecord');
  const { target, temp } = targetAndTemp(dir, record);
  await asMemscope(() => mkdir(dir, { recursive: true }));
  try {
    await asMemscope(() => writeFile(temp, JSON.stringify(record)));
    await asMemscope(() => rename(temp, target));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}

/**
 * writeFileRecord without leaving the current task: for a runner that waits
 * for the file's last hook before it starts the next file (Jest). There the
 * five round trips through libuv's thread pool of the asynchronous write
 * (mkdir, open, write, close, rename) measured ~3 ms per test file on a busy
 * machine, against well under a millisecond done in place. Same temp file
 * and rename, so a reader still never sees half a record.
 */
export function writeFileRecordSync(dir: string, record: FileRecord): string {
  checkDir(dir, 'writeFileRecordSync');
  const { target, temp } = targetAndTemp(dir, record);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return target;
}

export interface ReadRecordsResult {
  records: FileRecord[];
  /** Expected files with no record, or only an incomplete one: their figures are missing. */
  missing: string[];
  /** Record files that could not be read, with why. */
  invalid: { path: string; reason: string }[];
}

function checkRecord(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const record = value as Partial<FileRecord>;
  if (record.schemaVersion !== 1) return `schemaVersion ${JSON.stringify(record.schemaVersion)}, expected 1`;
  if (typeof record.file !== 'string') return 'no "file" string';
  if (!Array.isArray(record.tasks)) return 'no "tasks" array';
  return null;
}

const READ_AT_ONCE = 16;

async function readRecord(file: string): Promise<{ record?: FileRecord; invalid?: { path: string; reason: string } }> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    const problem = checkRecord(value);
    return problem ? { invalid: { path: file, reason: problem } } : { record: value as FileRecord };
  } catch (error) {
    return { invalid: { path: file, reason: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Reads every record in `dir`. `expectedFiles` (paths relative to the root,
 * as in the records) are the test files the run had: those without a
 * complete record are returned in `missing`.
 */
export async function readFileRecords(dir: string, expectedFiles: readonly string[] = []): Promise<ReadRecordsResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(SUFFIX)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    names = [];
  }
  // Read several at a time (the reporter reads them when the run ends, on
  // its critical path), a bounded number so a large run stays far from the
  // open-file limit.
  const read: { record?: FileRecord; invalid?: ReadRecordsResult['invalid'][number] }[] = [];
  for (let start = 0; start < names.length; start += READ_AT_ONCE) {
    read.push(...(await Promise.all(names.slice(start, start + READ_AT_ONCE).map((name) => readRecord(path.join(dir, name))))));
  }
  const records: FileRecord[] = [];
  const invalid: ReadRecordsResult['invalid'] = [];
  for (const entry of read) {
    if (entry.record) records.push(entry.record);
    else if (entry.invalid) invalid.push(entry.invalid);
  }
  const complete = new Set(records.filter((record) => !record.incomplete).map((record) => record.file));
  const missing = expectedFiles.filter((file) => !complete.has(file));
  return { records, missing, invalid };
}

import { open } from 'node:fs/promises';
import { MemscopeError, type MemscopeErrorCode } from '../../errors.js';
import { formatBytes } from '../format.js';

/**
 * The largest report or baseline memscope reads. A 10,000-test report is a
 * few MB; a file past this size was not written by memscope (or is a heap
 * snapshot given by mistake), and reading it whole could exhaust the heap of
 * the process that runs the tests.
 */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

export interface ReadTextOptions {
  code: MemscopeErrorCode;
  /** What the file should be, for messages: `report`, `baseline`. */
  what: string;
  /** Defaults to MAX_READ_BYTES; lowered by tests. */
  maxBytes?: number;
}

/**
 * Reads a file memscope wrote earlier as UTF-8 text, refusing before it
 * parses anything what cannot be one: a directory, a file larger than
 * `maxBytes` (checked by size before a byte is read), an empty file, and
 * binary data. Every refusal is a MemscopeError naming the file. A missing
 * file is thrown as the plain ENOENT error so callers can treat it apart.
 */
export async function readTextFile(path: string, options: ReadTextOptions): Promise<string> {
  const fail = (problem: string, cause?: unknown): never => {
    throw new MemscopeError(options.code, `${path}: ${problem}`, cause === undefined ? undefined : { cause });
  };
  const max = options.maxBytes ?? MAX_READ_BYTES;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return fail(`cannot read the ${options.what} (${(error as Error).message})`, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) fail(`is a directory, not a ${options.what} file`);
    if (info.size > max) {
      fail(`is ${formatBytes(info.size)}, more than the ${formatBytes(max)} memscope reads; this is not a ${options.what} memscope wrote`);
    }
    if (info.size === 0) fail(`is empty (0 bytes); it may have been cut off while written. Delete it or restore it from version control`);
    const bytes = await handle.readFile();
    return decodeText(bytes, (problem) => fail(`${problem}; this is not a ${options.what} memscope wrote`));
  } finally {
    await handle.close();
  }
}

/** UTF-8 text, or a failure naming the first byte that shows it is not text. */
function decodeText(bytes: Buffer, fail: (problem: string) => never): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) fail(`holds binary data (a NUL byte at offset ${nul})`);
  try {
    // `fatal`: invalid UTF-8 throws instead of turning into U+FFFD; a leading BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not UTF-8 text');
  }
}

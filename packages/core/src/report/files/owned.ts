import { open } from 'node:fs/promises';
import { MemscopeError } from '../../errors.js';
import { writeFileAtomic } from './atomic.js';
import { REPORT_KIND } from '../schema.js';

/** How memscope recognises its own files: a mark near the start that every version writes. */
export const OWN_FILE_MARKS = {
  report: new RegExp(`"kind"\\s*:\\s*"${REPORT_KIND}"`),
  dashboard: /<title>memscope report<\/title>/,
} as const;

/** Marks stand in the first bytes of the file; reading more would make every write read a whole report. */
const HEAD_BYTES = 4096;

/**
 * Writes `data` to `path` atomically, but only over a file memscope wrote
 * itself: a misconfigured output directory (`outputDir: 'src'`) must not
 * replace the user's own `index.html`. A missing file is simply created.
 */
export async function replaceOwnFile(path: string, data: string, mark: keyof typeof OWN_FILE_MARKS): Promise<void> {
  const head = await readHead(path);
  if (head !== null && !OWN_FILE_MARKS[mark].test(head)) {
    throw new MemscopeError(
      'ERR_MEMSCOPE_INVALID_OPTION',
      `${path}: refusing to replace this file; it exists and memscope did not write it (it has no memscope ${mark} mark). ` +
        'Choose another output directory, or move the file away.',
    );
  }
  await writeFileAtomic(path, data);
}

/** The first bytes of `path` as text, or null when there is no such file. A directory throws (EISDIR) when written. */
async function readHead(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    if ((await handle.stat()).isDirectory()) return null;
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

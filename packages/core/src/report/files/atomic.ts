import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that a reader sees either the old file or the
 * whole new one, never half of it: the bytes go to a temporary file in the
 * same directory (rename is only atomic within one file system), are flushed,
 * then renamed over the target. The temporary file is removed on failure.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // 'wx': the temporary name must be new, so the clean-up below only ever removes a file this call created.
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data, 'utf8');
      // Without the flush a crash right after rename can leave an empty file on some file systems.
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Two writers of one path (two shards given the same report path) each rename a whole file
    // of their own: the last rename wins, and a reader never sees a mix of both.
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

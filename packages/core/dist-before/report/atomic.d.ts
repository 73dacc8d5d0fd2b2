/**
 * Writes `data` to `path` so that a reader sees either the old file or the
 * whole new one, never half of it: the bytes go to a temporary file in the
 * same directory (rename is only atomic within one file system), are flushed,
 * then renamed over the target. The temporary file is removed on failure.
 */
export declare function writeFileAtomic(path: string, data: string): Promise<void>;
//# sourceMappingURL=atomic.d.ts.map
import v8 from 'node:v8';

/**
 * Compiled code and bytecode with their metadata, as V8 counts them. The
 * JIT adds and drops these as it tiers functions up and flushes old
 * bytecode, whatever the user's data does.
 */
export function compiledCodeBytes(): number {
  const code = v8.getHeapCodeStatistics();
  return code.code_and_metadata_size + code.bytecode_and_metadata_size;
}

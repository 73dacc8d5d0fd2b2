/**
 * Errors memscope raises on purpose. Each has a stable `code` that tests and
 * outside tools can match on; the message names the input and what was
 * expected.
 */
export type MemscopeErrorCode =
  | 'ERR_MEMSCOPE_NOT_A_FUNCTION'
  | 'ERR_MEMSCOPE_INVALID_OPTION'
  | 'ERR_MEMSCOPE_FN_THREW'
  | 'ERR_MEMSCOPE_FN_EXITED'
  | 'ERR_MEMSCOPE_TIMEOUT'
  | 'ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE'
  | 'ERR_MEMSCOPE_CAPTURE_UNAVAILABLE'
  | 'ERR_MEMSCOPE_NOT_TRACKABLE'
  | 'ERR_MEMSCOPE_BUSY'
  | 'ERR_MEMSCOPE_REPORT_INVALID'
  | 'ERR_MEMSCOPE_BASELINE_INVALID'
  | 'ERR_MEMSCOPE_USAGE';

export class MemscopeError extends Error {
  readonly code: MemscopeErrorCode;

  constructor(code: MemscopeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MemscopeError';
    this.code = code;
  }
}

export function isMemscopeError(error: unknown): error is MemscopeError {
  return error instanceof Error && error.name === 'MemscopeError' && 'code' in error;
}

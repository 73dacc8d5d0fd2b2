import type { NativeBinding } from './index.js';


export type NativeLoadFailureReason = 'not-built' | 'build-failed' | 'abi-mismatch' | 'dlopen-failed';

export type NativeLoadStatus =
  | { loaded: true; path: string; abi: string; nodeVersion: string; binding: NativeBinding }
  | { loaded: false; reason: NativeLoadFailureReason; message: string; tried: string[] };

export interface NativeLoadOptions {
  /** Package folder holding prebuilds/ (default: the installed package). */
  root?: string;
  /** ABI to look for (default: process.versions.modules). */
  abi?: string;
  /** Node version named in messages (default: process.versions.node). */
  nodeVersion?: string;
}

/** Never throws. Without options the lookup runs once and is remembered. */
export function loadStatus(options?: NativeLoadOptions): NativeLoadStatus;

/** The binding, or a NativeLoadError whose message gives the reason and the rebuild command. */
export function loadBinding(options?: NativeLoadOptions): NativeBinding;

export class NativeLoadError extends Error {
  readonly code: 'ERR_MEMSCOPE_NATIVE_UNAVAILABLE';
  readonly status: Extract<NativeLoadStatus, { loaded: false }>;
}

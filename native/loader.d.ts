import type { NativeBinding } from './index.js';

export type NativeLoadFailureReason = 'not-built' | 'build-failed' | 'abi-mismatch' | 'dlopen-failed';

/** Where a loaded addon came from: the platform package's binary, or a build on this machine. */
export type NativeSource = 'prebuilt' | 'built-from-source';

export type NativeLoadStatus =
  | {
      loaded: true;
      /** The .node file that was opened. */
      path: string;
      source: NativeSource;
      /** The package that holds the file, e.g. `@memscope/native-linux-x64-gnu`. */
      packageName: string;
      abi: string;
      nodeVersion: string;
      binding: NativeBinding;
    }
  | { loaded: false; reason: NativeLoadFailureReason; message: string; tried: string[] };

export interface NativeLoadOptions {
  /** A folder holding builds from source in prebuilds/ (given alone or with prebuiltRoot: only these are searched). */
  root?: string;
  /** A platform package folder holding prebuilds/, searched before `root`. */
  prebuiltRoot?: string;
  /** ABI to look for (default: process.versions.modules). */
  abi?: string;
  /** Node version named in messages (default: process.versions.node). */
  nodeVersion?: string;
}

/** Never throws. Without options the lookup runs once and is remembered. */
export function loadStatus(options?: NativeLoadOptions): NativeLoadStatus;

/** The binding, or a NativeLoadError whose message gives the reason and the build command. */
export function loadBinding(options?: NativeLoadOptions): NativeBinding;

export class NativeLoadError extends Error {
  readonly code: 'ERR_MEMSCOPE_NATIVE_UNAVAILABLE';
  readonly status: Extract<NativeLoadStatus, { loaded: false }>;
}

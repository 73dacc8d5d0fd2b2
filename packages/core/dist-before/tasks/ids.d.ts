import type { HookName, TaskKind } from './types.js';
/**
 * Task ids: readable and stable across runs. A file's id is its path
 * relative to the project root with POSIX separators; a describe or test
 * adds its full name, `src/cache.test.ts > Cache > evicts`; a hook adds its
 * kind in parentheses under its owner, `… > evicts > (beforeEach)`. A name
 * seen twice in one file gets `#2`, `#3`… in the order the tasks start, so
 * the ids of a file that did not change do not change.
 */
export declare const ID_SEPARATOR = " > ";
export declare function relativeFile(rootDir: string, file: string): string;
export declare class TaskIdRegistry {
    readonly file: string;
    private readonly seen;
    constructor(file: string);
    /** Base id before de-duplication. */
    baseId(kind: TaskKind, names: readonly string[], hook?: HookName, ownerId?: string): string;
    /** Registers one more task with this base id and returns its unique id. */
    claim(base: string): string;
}
export declare function validateNames(names: unknown, what: string): string[];
//# sourceMappingURL=ids.d.ts.map
/**
 * Dashboard script, part 2: the task tree (virtualized: only the rows in
 * view exist in the DOM, so 10,000 tests scroll smoothly) and its sorting,
 * filtering and keyboard handling. Same safety rules as script-base.ts.
 */
export declare const SCRIPT_TREE: string;
//# sourceMappingURL=script-tree.d.ts.map
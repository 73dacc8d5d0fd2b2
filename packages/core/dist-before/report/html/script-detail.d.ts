/**
 * Dashboard script, part 3: one task's detail (figures with their source,
 * baseline deltas, heap timeline) and the leak inspector (retainer path as a
 * chain, allocation site, preview, cycles). Same safety rules as script-base.ts.
 */
export declare const SCRIPT_DETAIL: string;
//# sourceMappingURL=script-detail.d.ts.map
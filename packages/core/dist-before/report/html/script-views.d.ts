/**
 * Dashboard script, part 4: the overview, leaks and baseline pages and the
 * shell (header, tabs). Long lists render their first entries and a "show
 * more" button so a run with thousands of findings stays responsive. Same
 * safety rules as script-base.ts.
 */
export declare const SCRIPT_VIEWS: string;
//# sourceMappingURL=script-views.d.ts.map
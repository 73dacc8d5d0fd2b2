/**
 * Dashboard script, part 1: DOM helpers, formatting and the task model.
 *
 * Runs in the browser inside one IIFE with the other parts (see render.ts).
 * Safety rules for every part: user text (test names, paths, previews,
 * stacks) only ever reaches the page through textContent / text nodes or
 * setAttribute on inert attributes; no innerHTML, no inline handlers, no
 * URLs built from data. Kept free of backticks and dollar-brace so it can
 * live in a String.raw template.
 */
export declare const SCRIPT_BASE: string;
//# sourceMappingURL=script-base.d.ts.map
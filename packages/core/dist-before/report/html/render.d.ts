import type { RunReport } from '../schema.js';
/** The page's one script: the four parts share one scope inside an IIFE. */
export declare const PAGE_SCRIPT: string;
/**
 * The policy forbids every network request and every script or style but
 * the page's own, which are allowed by hash (so a string that slipped into
 * the markup could not run). The JSON data block is not a script to the
 * browser and needs no permission.
 */
export declare const CONTENT_SECURITY_POLICY: string;
/**
 * JSON that is safe inside `<script type="application/json">`: `<` is
 * escaped so no `</script>` or `<!--` can end or confuse the block, and
 * U+2028/U+2029 are escaped for older JSON-in-JS consumers. The result is
 * still valid JSON with the same value, since those characters only occur
 * inside strings.
 */
export declare function embedJson(value: unknown): string;
/**
 * The dashboard: one self-contained HTML file with the report inlined. Works
 * from file://, makes no network request.
 */
export declare function renderDashboard(report: RunReport): string;
//# sourceMappingURL=render.d.ts.map
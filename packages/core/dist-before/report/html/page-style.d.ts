/**
 * The dashboard's stylesheet, inlined into index.html and allowed by its
 * SHA-256 hash in the Content-Security-Policy. Neutral greys with one accent;
 * follows the system's light or dark preference.
 */
export declare const PAGE_STYLE: string;
//# sourceMappingURL=page-style.d.ts.map
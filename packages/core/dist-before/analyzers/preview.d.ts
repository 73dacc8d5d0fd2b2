/**
 * Looks up a live object by its heap snapshot id through the inspector and
 * renders it with pretty-format, bounded in depth, width and length. The
 * object is handed over through a holder object of ours, found by its own
 * id, so it works across vm contexts (Jest, Vitest vmThreads).
 */
export declare function previewObject(objectId: number, holderId: number, holder: {
    value?: unknown;
}): string | undefined;
/** pretty-format, bounded: a preview is a glimpse, never a dump. */
export declare function formatPreview(value: unknown): string;
//# sourceMappingURL=preview.d.ts.map
import picocolors from 'picocolors';
/** The formatter set picocolors returns (`c.red(text)`, `c.bold(text)`, …). */
export type Colors = ReturnType<typeof picocolors.createColors>;
/**
 * Whether to colour output written to `stream`. Follows the conventions of
 * no-color.org and the FORCE_COLOR variable Node and most CLIs honour:
 * NO_COLOR (any non-empty value) turns colour off, FORCE_COLOR turns it on
 * (`0` or `false` turns it off), otherwise colour only on a TTY that is not
 * `TERM=dumb`.
 */
export declare function colorEnabled(stream: {
    isTTY?: boolean;
}, env?: NodeJS.ProcessEnv): boolean;
/** picocolors formatters that colour only when `enabled`; pass `false` for snapshot tests. */
export declare function createColors(enabled: boolean): Colors;
export declare function colorsFor(stream: {
    isTTY?: boolean;
}, env?: NodeJS.ProcessEnv): Colors;
//# sourceMappingURL=colors.d.ts.map
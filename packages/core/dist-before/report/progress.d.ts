export interface ProgressStream {
    isTTY?: boolean;
    columns?: number;
    write(text: string): unknown;
}
export interface ProgressLine {
    /** Shows `text`: rewrites the current line on a TTY, prints a new line otherwise (once per distinct text). */
    update(text: string): void;
    /** `explaining leak in <test>…`, shown while a leak verdict takes its heap snapshot. */
    explaining(testLabel: string): void;
    /** Clears the line on a TTY so the next output starts clean. */
    done(): void;
}
/**
 * A status line for slow steps. On a terminal it is rewritten in place (and
 * cut to the terminal width so it never wraps); in CI logs, where `\r`
 * would pile up, each message is printed once on its own line.
 */
export declare function createProgressLine(stream: ProgressStream): ProgressLine;
//# sourceMappingURL=progress.d.ts.map
import { sanitizeForTerminal } from './format.js';

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
export function createProgressLine(stream: ProgressStream): ProgressLine {
  const tty = stream.isTTY === true;
  let shown = false;
  let last = '';
  const line: ProgressLine = {
    update(text) {
      const clean = sanitizeForTerminal(text);
      if (tty) {
        const width = Math.max(10, (stream.columns ?? 80) - 1);
        const fitted = clean.length > width ? `${clean.slice(0, width - 1)}…` : clean;
        stream.write(`\r\x1b[2K${fitted}`);
        shown = true;
      } else if (clean !== last) {
        stream.write(`${clean}\n`);
      }
      last = clean;
    },
    explaining(testLabel) {
      line.update(`memscope: explaining leak in ${testLabel}…`);
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[2K');
      shown = false;
      last = '';
    },
  };
  return line;
}

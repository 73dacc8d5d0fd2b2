/**
 * Where a function's source ends, read from the text: V8's profilers and the
 * inspector give a function's start only. A site's line is looked for
 * inside the function that allocated; reading on past its end finds another
 * function's `{` or `new X(` (seen: a busy helper's frame in a small module
 * was sited on the module's `module.exports = { … }` below it).
 *
 * A scan, not a parser: strings, template literals and comments are
 * skipped; a regular-expression literal holding an unmatched bracket can
 * end the scan early or late, which costs precision, never correctness of
 * the verdict (the caller falls back to the function's start line).
 */

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * The 0-based index of the last line of the function whose source starts at
 * `line`/`column` (1-based, as profilers report them); `maxLines` bounds the
 * scan. A block body ends at its matching `}`; an arrow's expression body
 * at the bracket, `,` or `;` that closes it, or at the end of the line.
 */
export function functionEndLine(lines: readonly string[], line: number, column: number, maxLines = 400): number {
  const first = Math.max(0, line - 1);
  const last = Math.min(lines.length - 1, first + maxLines);
  let depth = 0;
  let sawBody = false;
  let inArrowExpression = false;
  let quote: string | null = null;
  let blockComment = false;
  for (let i = first; i <= last; i++) {
    const text = lines[i]!;
    let j = i === first ? Math.max(0, column - 1) : 0;
    for (; j < text.length; j++) {
      const ch = text[j]!;
      if (blockComment) {
        if (ch === '*' && text[j + 1] === '/') (blockComment = false), j++;
        continue;
      }
      if (quote) {
        if (ch === '\\') j++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '/' && text[j + 1] === '/') break;
      if (ch === '/' && text[j + 1] === '*') {
        blockComment = true;
        j++;
        continue;
      }
      if (ch === '"' || ch === "'" || ch === '`') {
        quote = ch;
        continue;
      }
      if (ch === '=' && text[j + 1] === '>' && depth === 0 && !sawBody) {
        // An arrow: a `{` next starts a block body, anything else an expression.
        const rest = text.slice(j + 2).trimStart();
        if (rest.startsWith('{') || (rest === '' && nextNonEmpty(lines, i + 1, last)?.startsWith('{'))) continue;
        inArrowExpression = true;
        sawBody = true;
        j++;
        continue;
      }
      if (OPENERS.includes(ch)) {
        if (ch === '{' && depth === 0 && !inArrowExpression) sawBody = true;
        depth++;
      } else if (CLOSERS.includes(ch)) {
        depth--;
        if (depth < 0) return i; // an expression body closed by its surroundings
        if (depth === 0 && ch === '}' && sawBody && !inArrowExpression) return i;
      } else if (inArrowExpression && depth === 0 && (ch === ',' || ch === ';')) {
        return i;
      }
    }
    if (inArrowExpression && depth === 0 && !continuesOnNextLine(text)) return i;
  }
  return last;
}

function nextNonEmpty(lines: readonly string[], from: number, last: number): string | undefined {
  for (let i = from; i <= last; i++) {
    const text = lines[i]!.trim();
    if (text) return text;
  }
  return undefined;
}

/** An expression that plainly goes on: a trailing operator or an opening the line leaves open. */
function continuesOnNextLine(text: string): boolean {
  return /(=>|[+\-*/%&|^?:=.,(]|&&|\|\|)\s*$/.test(text.replace(/\/\/.*$/, '').trimEnd());
}

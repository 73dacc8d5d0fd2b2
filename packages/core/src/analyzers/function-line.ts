import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sources = new Map<string, string[] | null>();

function linesOf(file: string): string[] | null {
  if (!sources.has(file)) {
    try {
      sources.set(file, readFileSync(file.startsWith('file://') ? fileURLToPath(file) : file, 'utf8').split('\n'));
    } catch {
      sources.set(file, null);
    }
  }
  return sources.get(file) ?? null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The one line of `file` that `pattern` matches (1-based, with the match's column); undefined when none or several do. */
function soleMatch(file: string, pattern: RegExp): { line: number; column: number } | undefined {
  const lines = linesOf(file);
  if (!lines) return undefined;
  let found: { line: number; column: number } | undefined;
  for (const [i, text] of lines.entries()) {
    const match = pattern.exec(text);
    if (!match) continue;
    if (found) return undefined;
    found = { line: i + 1, column: match.index + 1 };
  }
  return found;
}

/**
 * The 1-based line where a named function is written in its script, when
 * exactly one line declares it (`function onError(`, `onError = (…) =>`,
 * `onError(…) {` in a class or object). V8's snapshot API gives a closure's
 * script but not its position; the declaration is what the user looks for.
 */
export function functionLine(file: string, name: string): number | undefined {
  if (!IDENTIFIER.test(name)) return undefined;
  const id = escape(name);
  const declaration = new RegExp(`function\\s*\\*?\\s*${id}\\s*\\(|\\b${id}\\s*[:=]\\s*(async\\s+)?(function\\b|\\([^)]*\\)\\s*=>|[\\w$]+\\s*=>)|^\\s*(async\\s+)?\\*?${id}\\s*\\([^)]*\\)\\s*\\{`);
  return soleMatch(file, declaration)?.line;
}

/**
 * Where `name` is bound in its script: the one line that calls
 * `name.bind(`, as a class binds its own method (`this.onCrash.bind(this)`).
 */
export function bindLine(file: string, name: string): { line: number; column: number } | undefined {
  if (!IDENTIFIER.test(name)) return undefined;
  return soleMatch(file, new RegExp(`\\b${escape(name)}\\.bind\\s*\\(`));
}

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

/**
 * The 1-based line where a named function is written in its script, when
 * exactly one line declares it (`function onError(`, `onError = (…) =>`,
 * `onError(…) {` in a class or object). V8's snapshot API gives a closure's
 * script but not its position; the declaration is what the user looks for.
 */
export function functionLine(file: string, name: string): number | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const lines = linesOf(file);
  if (!lines) return undefined;
  const id = escape(name);
  const declaration = new RegExp(`function\\s*\\*?\\s*${id}\\s*\\(|\\b${id}\\s*[:=]\\s*(async\\s+)?(function\\b|\\([^)]*\\)\\s*=>|[\\w$]+\\s*=>)|^\\s*(async\\s+)?\\*?${id}\\s*\\([^)]*\\)\\s*\\{`);
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (declaration.test(line)) found.push(i + 1);
  });
  return found.length === 1 ? found[0] : undefined;
}

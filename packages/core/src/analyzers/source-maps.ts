import { existsSync, readFileSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { ownInspectorSession } from './own-session.js';

/**
 * Positions in the code V8 ran, mapped back to the file the user wrote.
 *
 * Test runners execute transformed code: babel-jest and ts-jest append an
 * inline source map (`//# sourceMappingURL=data:…`) to what Jest runs,
 * Vitest's transform does the same to what its module runner evaluates, and
 * tsc output points at a `.map` file beside it. V8 keeps each script's
 * `sourceMappingURL`; the inspector's `Debugger.scriptParsed` reports it for
 * every script loaded so far, so under a runner the map is the one the
 * runtime has, whichever runner loaded the script. Node's own cache
 * (`--enable-source-maps`) is asked first, as it costs nothing; code Node
 * loads untransformed carries its map comment in the file on disk.
 */

type SourceMapInstance = InstanceType<typeof nodeModule.SourceMap>;

export interface MappedPosition {
  /** The original file: an absolute path, or the map's source name when it has no path. */
  file: string;
  line: number;
  column: number;
  /** The original file's text when the map carries it (`sourcesContent`). */
  sourceText?: string;
}

interface LoadedMap {
  map: SourceMapInstance;
  /** Where relative `sources` resolve from: the map's directory plus its sourceRoot. */
  base: string;
}

function toPath(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url) : url;
}

/** Script path → its `sourceMappingURL` as V8 recorded it ('' for none). */
const mapUrls = new Map<string, string>();
/** Script path → its parsed map; null when it has none or it does not parse. */
const maps = new Map<string, LoadedMap | null>();

/** Reads every loaded script's sourceMappingURL from V8 (Debugger.enable reports them all, then is turned off at once). */
function refreshMapUrls(): void {
  const session = ownInspectorSession();
  if (!session) return;
  const onScript = (message: { params: { url: string; sourceMapURL?: string } }): void => {
    const { url, sourceMapURL } = message.params;
    if (url) mapUrls.set(toPath(url), sourceMapURL ?? '');
  };
  session.on('Debugger.scriptParsed', onScript);
  try {
    // While the debugger is on a `debugger;` statement would pause this
    // thread for good; nothing but these two commands runs in between.
    session.post('Debugger.enable');
    session.post('Debugger.disable');
  } finally {
    session.off('Debugger.scriptParsed', onScript);
  }
}

function decodeDataUrl(url: string): string | null {
  const comma = url.indexOf(',');
  if (comma < 0) return null;
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return head.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

function parseMap(text: string | null, mapDir: string): LoadedMap | null {
  if (!text) return null;
  try {
    const payload = JSON.parse(text) as { sourceRoot?: string };
    const root = payload.sourceRoot && !/^[a-z]+:\/\//i.test(payload.sourceRoot) ? payload.sourceRoot : '';
    return { map: new nodeModule.SourceMap(payload as ConstructorParameters<typeof nodeModule.SourceMap>[0]), base: path.resolve(mapDir, root) };
  } catch {
    return null;
  }
}

/** TypeScript and JSX never run as written: something transformed them. */
const TRANSFORMED_EXTENSION = /\.(?:[cm]?tsx?|jsx)$/;

/**
 * Whether V8 may have run other code than the file on disk holds: a
 * TypeScript file, or any file under Jest (each test file runs in a vm
 * context of its own) or Vitest, which transform every module they load.
 */
function runsTransformed(scriptPath: string): boolean {
  if (TRANSFORMED_EXTENSION.test(scriptPath)) return true;
  if ((globalThis as { __vitest_worker__?: unknown }).__vitest_worker__ !== undefined) return true;
  return vm.runInThisContext('globalThis') !== globalThis;
}

/** The last `sourceMappingURL` comment of the file on disk, for code Node loads as it is. */
function mapUrlOnDisk(scriptPath: string): string {
  try {
    const text = readFileSync(scriptPath, 'utf8');
    const found = [...text.matchAll(/\/\/[#@] sourceMappingURL=(\S+)/g)].pop();
    return found?.[1] ?? '';
  } catch {
    return '';
  }
}

/**
 * The sourceMappingURL of the code V8 ran. Asking V8 costs a Debugger
 * enable (measured: 340 ms the first time in a process with Jest, Babel
 * and TypeScript loaded, 30-40 ms after), so it is asked only when the
 * code may differ from the file, and once per script path not seen yet.
 */
function mapUrlOf(scriptPath: string): string {
  if (!runsTransformed(scriptPath)) return mapUrlOnDisk(scriptPath);
  if (!mapUrls.has(scriptPath)) {
    refreshMapUrls();
    if (!mapUrls.has(scriptPath)) mapUrls.set(scriptPath, '');
  }
  return mapUrls.get(scriptPath) ?? '';
}

function loadMap(scriptPath: string): LoadedMap | null {
  const cached = nodeModule.findSourceMap?.(scriptPath);
  if (cached) return { map: cached, base: path.dirname(scriptPath) };
  const url = mapUrlOf(scriptPath);
  if (!url) return null;
  if (url.startsWith('data:')) return parseMap(decodeDataUrl(url), path.dirname(scriptPath));
  // A map beside the script (tsc, bundlers).
  const mapPath = url.startsWith('file://') ? fileURLToPath(url) : path.resolve(path.dirname(scriptPath), url);
  try {
    return parseMap(readFileSync(mapPath, 'utf8'), path.dirname(mapPath));
  } catch {
    return null;
  }
}

function mapFor(scriptPath: string): LoadedMap | null {
  if (!maps.has(scriptPath)) maps.set(scriptPath, path.isAbsolute(scriptPath) ? loadMap(scriptPath) : null);
  return maps.get(scriptPath) ?? null;
}

/** Original files looked for on disk, by path. */
const present = new Map<string, boolean>();

function onDisk(file: string): boolean {
  if (!present.has(file)) present.set(file, existsSync(file));
  return present.get(file)!;
}

function sourcePath(source: string, base: string): string {
  if (source.startsWith('file://')) return fileURLToPath(source);
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) return source;
  return path.resolve(base, source);
}

/**
 * The original position of a 1-based line and column of the script at
 * `url`, or null when the script has no source map (it is what the user
 * wrote) or the map has no entry there.
 *
 * @example
 * mapPosition('/project/sum.spec.ts', 7, 3); // { file: '/project/sum.spec.ts', line: 6, column: 3, sourceText: '…' }
 */
export function mapPosition(url: string, line: number, column: number): MappedPosition | null {
  const loaded = mapFor(toPath(url));
  if (!loaded) return null;
  const entry = loaded.map.findEntry(line - 1, Math.max(0, column - 1)) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }>;
  if (entry.originalSource === undefined || entry.originalLine === undefined) return null;
  const payload = loaded.map.payload as { sources?: string[]; sourcesContent?: (string | null)[] };
  const index = payload.sources?.indexOf(entry.originalSource) ?? -1;
  const sourceText = index >= 0 ? payload.sourcesContent?.[index] ?? undefined : undefined;
  const file = sourcePath(entry.originalSource, loaded.base);
  // A package may ship tsc's maps without the sources they name
  // (graphql-subscriptions 1.0.0: dist/*.js.map → ../src/*.ts, no src/):
  // a position in a file nobody can open says less than the shipped line.
  if (!sourceText && path.isAbsolute(file) && !onDisk(file)) return null;
  return {
    file,
    line: entry.originalLine + 1,
    column: (entry.originalColumn ?? 0) + 1,
    ...(sourceText ? { sourceText } : {}),
  };
}

const STACK_LINE = /^(\s*at (?:.*? \()?)(.+?):(\d+):(\d+)(\)?\s*)$/;

/**
 * One line of an Error stack with its position mapped to the original
 * file; unchanged when it has no map. Node's own `--enable-source-maps`
 * and Jest already rewrite the stacks they produce, so a line already
 * pointing at the original stays as it is (it has no map of its own).
 *
 * @example
 * mapStackLine('    at open (/project/dist/server.js:12:9)'); // '    at open (/project/src/server.ts:10:3)'
 */
export function mapStackLine(line: string): string {
  const match = STACK_LINE.exec(line);
  if (!match) return line;
  const [, head, file, lineText, columnText, tail] = match;
  const mapped = mapPosition(file!, Number(lineText), Number(columnText));
  return mapped ? `${head}${mapped.file}:${mapped.line}:${mapped.column}${tail}` : line;
}

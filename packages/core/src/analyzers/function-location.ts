import { fileURLToPath } from 'node:url';
import type { Session } from 'node:inspector';
import { mainContextGlobal } from '../main-context.js';
import { ownInspectorSession } from './own-session.js';
import { mapPosition } from './source-maps.js';

/** Where a live function is written: its script's file, 1-based line and column, mapped to the original source. */
export interface FunctionSource {
  file: string;
  line: number;
  column: number;
}

interface InternalProperty {
  name: string;
  value?: { value?: { scriptId?: string; lineNumber?: number; columnNumber?: number } };
}

/** The slot on the main global through which a function is handed to the inspector. */
const HANDOVER = Symbol.for('memscope.function-location');

/** Runs one inspector command on the thread's own session, which answers before `post` returns. */
function post<T>(session: Session, method: string, params: object): T {
  let answer: { error: Error | null; value?: T } | undefined;
  session.post(method, params, (error, value) => {
    answer = { error, value: value as T };
  });
  if (!answer) throw new Error(`inspector command ${method} did not answer synchronously`);
  if (answer.error) throw answer.error;
  return answer.value as T;
}

/** Script id → URL, of the scripts asked about so far (a script keeps its id for its life). */
const knownUrls = new Map<string, string>();

/**
 * Script id → URL of the `wanted` scripts: enabling the debugger reports
 * every script loaded so far (`Debugger.scriptParsed`), and it is turned
 * off at once, as source-maps.ts does. That costs 40–300 ms in a test
 * worker with thousands of scripts loaded, so URLs once read are kept.
 */
function scriptUrls(session: Session, wanted: Set<string>): Map<string, string> {
  const urls = knownUrls;
  if ([...wanted].every((id) => urls.has(id))) return urls;
  const onScript = (message: { params: { scriptId: string; url: string } }): void => {
    if (wanted.has(message.params.scriptId)) urls.set(message.params.scriptId, message.params.url);
  };
  session.on('Debugger.scriptParsed', onScript);
  try {
    // While the debugger is on a `debugger;` statement would pause this
    // thread for good; nothing but these two commands runs in between.
    post(session, 'Debugger.enable', {});
    post(session, 'Debugger.disable', {});
  } finally {
    session.off('Debugger.scriptParsed', onScript);
  }
  return urls;
}

/** The inspector's `[[FunctionLocation]]` of a function: script id, 0-based line and column. */
function locationOf(session: Session, fn: Function): { scriptId: string; line: number; column: number } | undefined {
  const global = mainContextGlobal();
  global[HANDOVER] = fn;
  try {
    const { result } = post<{ result: { objectId?: string } }>(session, 'Runtime.evaluate', { expression: `globalThis[Symbol.for('memscope.function-location')]`, objectGroup: 'memscope-function-location' });
    if (!result.objectId) return undefined;
    const { internalProperties = [] } = post<{ internalProperties?: InternalProperty[] }>(session, 'Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
    const location = internalProperties.find((p) => p.name === '[[FunctionLocation]]')?.value?.value;
    if (location?.scriptId === undefined || location.lineNumber === undefined || location.columnNumber === undefined) return undefined;
    return { scriptId: location.scriptId, line: location.lineNumber, column: location.columnNumber };
  } finally {
    delete global[HANDOVER];
    try {
      post(session, 'Runtime.releaseObjectGroup', { objectGroup: 'memscope-function-location' });
    } catch {
      // Nothing was handed out.
    }
  }
}

/**
 * Where each function is written, read from V8 through the inspector
 * without a heap snapshot: its `[[FunctionLocation]]` (the script and the
 * position its source starts at) and the script's URL. Functions whose
 * script has no file (eval, `new Function`) or that the inspector cannot
 * see are left out. Positions in transformed code (TSX, babel-jest) are
 * mapped back to the source the user wrote.
 */
export function functionSources(fns: readonly Function[]): Map<Function, FunctionSource> {
  const found = new Map<Function, FunctionSource>();
  const session = ownInspectorSession();
  if (!session || fns.length === 0) return found;
  try {
    const locations = new Map<Function, { scriptId: string; line: number; column: number }>();
    for (const fn of fns) {
      const location = locationOf(session, fn);
      if (location) locations.set(fn, location);
    }
    const urls = scriptUrls(session, new Set([...locations.values()].map((l) => l.scriptId)));
    for (const [fn, location] of locations) {
      const url = urls.get(location.scriptId);
      if (!url || /^(node:|evalmachine)/.test(url)) continue;
      const file = url.startsWith('file://') ? fileURLToPath(url) : url;
      const line = location.line + 1;
      const column = location.column + 1;
      const mapped = mapPosition(file, line, column);
      found.set(fn, mapped ? { file: mapped.file, line: mapped.line, column: mapped.column } : { file, line, column });
    }
  } catch {
    // The inspector is busy with another client's command, or gone: no positions.
  }
  return found;
}

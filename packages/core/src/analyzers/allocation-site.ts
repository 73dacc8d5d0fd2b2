import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AllocationSample, AllocationFrame } from '../capture/types.js';
import type { AllocationSite } from './types.js';
import { functionEndLine } from './function-extent.js';
import { bindLine } from './function-line.js';
import { isInternalUrl, isOwnUrl } from './stack-frames.js';
import { mapPosition } from './source-maps.js';
import type { FunctionPosition } from './value-by-id.js';
import { EdgeType, type HeapIndex } from './heap-index.js';

interface SiteCandidate {
  frame: AllocationFrame;
  stack: AllocationFrame[];
  bytes: number;
}

/**
 * Frames a site keeps: enough to reach the user's call below a library's
 * own (jsdom builds an element ten frames under `createElement`, twenty under `innerHTML =`).
 */
const SITE_STACK_FRAMES = 32;

function toPath(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url) : url;
}

function formatFrame(frame: AllocationFrame): string {
  return `${frame.functionName || '(anonymous)'} (${toPath(frame.url)}:${frame.line}:${frame.column})`;
}

/** Original sources that came inside a source map (`sourcesContent`), by file. */
const mappedSources = new Map<string, string>();
const mappedFrames = new Map<string, AllocationFrame>();

/**
 * The frame as the user wrote it: through the source map of the script V8
 * ran (a test runner's transform), else as sampled. The profiler knows the
 * function's start, and so does the map.
 */
function originalFrame(frame: AllocationFrame): AllocationFrame {
  const key = `${frame.url}:${frame.line}:${frame.column}:${frame.functionName}`;
  let mapped = mappedFrames.get(key);
  if (!mapped) {
    const position = mapPosition(frame.url, frame.line, frame.column);
    mapped = position ? { functionName: frame.functionName, url: position.file, line: position.line, column: position.column } : frame;
    if (position?.sourceText !== undefined) mappedSources.set(position.file, position.sourceText);
    mappedFrames.set(key, mapped);
  }
  return mapped;
}

/**
 * True when memscope itself made the sample: its innermost frame outside
 * the runtime and the runner is memscope's (the handle tracker reading a
 * creation stack, through the runner's prepareStackTrace). Its first user
 * frame is then whatever made the handle (a library's `process.nextTick`),
 * which did not allocate those bytes.
 */
function madeByMemscope(stack: readonly AllocationFrame[]): boolean {
  for (const frame of stack) {
    if (isOwnUrl(frame.url)) return true;
    if (!isInternalUrl(frame.url)) return false;
  }
  return false;
}

/** Live samples grouped by their innermost user frame, most bytes first. */
export function allocationCandidates(samples: readonly AllocationSample[]): SiteCandidate[] {
  const byFrame = new Map<string, SiteCandidate>();
  for (const sample of samples) {
    if (madeByMemscope(sample.stack)) continue;
    const frame = sample.stack.find((f) => !isInternalUrl(f.url));
    if (!frame) continue;
    const key = `${frame.url}:${frame.line}:${frame.column}:${frame.functionName}`;
    const entry = byFrame.get(key) ?? { frame, stack: sample.stack, bytes: 0 };
    entry.bytes += sample.size * sample.count;
    byFrame.set(key, entry);
  }
  return [...byFrame.values()].sort((a, b) => b.bytes - a.bytes);
}

/**
 * The candidate with the positions of the files the user wrote. Done when a
 * site is chosen, after the explanation's last snapshot: the maps read here
 * stay cached, and cached during the explanation they would count as growth.
 */
function inOriginalSource(candidate: SiteCandidate): SiteCandidate {
  const mapFrame = (f: AllocationFrame) => (isInternalUrl(f.url) ? f : originalFrame(f));
  return { ...candidate, frame: originalFrame(candidate.frame), stack: candidate.stack.map(mapFrame) };
}

const sourceCache = new Map<string, string[] | null>();
function sourceLines(url: string): string[] | null {
  if (!sourceCache.has(url)) {
    const carried = mappedSources.get(url);
    if (carried !== undefined) {
      sourceCache.set(url, carried.split('\n'));
    } else {
      try {
        sourceCache.set(url, readFileSync(toPath(url), 'utf8').split('\n'));
      } catch {
        sourceCache.set(url, null);
      }
    }
  }
  return sourceCache.get(url) ?? null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The group name `siteForGroup` takes for bound functions: the prefix, then the name of the function bound. */
export const BOUND_PREFIX = 'bound ';

/** Patterns that allocate an object of this group, strongest evidence first. */
function allocationPatterns(groupName: string, nodeType: 'object' | 'closure' | 'other'): RegExp[] {
  // A bound function is made by `fn.bind(…)`: the target's own name first, then any bind.
  if (nodeType === 'closure' && groupName.startsWith(BOUND_PREFIX)) {
    return [new RegExp(`\\b${escape(groupName.slice(BOUND_PREFIX.length))}\\.bind\\s*\\(`), /\.bind\s*\(/];
  }
  const name = escape(groupName);
  if (nodeType === 'closure') return [new RegExp(`function\\s+${name}\\b|\\b${name}\\s*=\\s*(async\\s*)?\\(|=>`), /=>|function\s*\(/];
  if (groupName === 'Object') return [/[=(,:]\s*\{|return\s*\{|push\(\s*\{|set\([^)]*,\s*\{/];
  if (groupName === 'Array') return [/\[\s*\]|\[\s*[^\]]|Array\(|Array\.from/];
  if (/^(Buffer|Uint8Array|ArrayBuffer)$/.test(groupName)) return [/Buffer\.(alloc|from|concat|allocUnsafe)|new (Uint8Array|ArrayBuffer)/];
  if (groupName === '(string)') return [/[`'"+]/];
  // Keyed growth (keyed-growth.ts): the line that stores under a computed key, or files a symbol.
  if (groupName === '(property keys)') return [/\[[^\]]+\]\s*=(?!=)/];
  if (groupName === '(registered symbols)') return [/Symbol\.for\s*\(/];
  return [new RegExp(`new\\s+${name}\\s*\\(|\\b${name}\\s*\\(`)];
}

/**
 * Finds the line inside the sampled function where the group's objects are
 * made. V8's sampling profiler knows functions, not statements, so the line
 * is read from the source (`inferred`); without a match the function's own
 * position stays (`sampled`).
 */
function refineLine(frame: AllocationFrame, patterns: RegExp[]): { line: number; column: number; found: boolean } {
  const lines = sourceLines(frame.url);
  if (!lines) return { line: frame.line, column: frame.column, found: false };
  // Only the function's own lines: below its end, another function's `{` or `new X(` would match.
  const end = functionEndLine(lines, frame.line, frame.column, 80);
  for (const pattern of patterns) {
    // The header line is the function itself; its body follows.
    for (let i = frame.line - 1; i <= end; i++) {
      const text = lines[i]!;
      const from = i === frame.line - 1 ? Math.max(0, frame.column - 1) : 0;
      const match = pattern.exec(text.slice(from));
      if (match && !(i === frame.line - 1 && pattern.source.includes('=>') && i + 1 < lines.length && match.index === 0)) {
        return { line: i + 1, column: from + match.index + 1, found: true };
      }
    }
  }
  return { line: frame.line, column: frame.column, found: false };
}

/** A closure as the snapshot and the inspector know it: its name and where its source starts. */
export interface ClosureSource {
  name: string;
  position: FunctionPosition;
}

/**
 * A closure's site is its own source position, mapped to the file the user
 * wrote: a closure is made where it is written, whatever V8 inlined. Its
 * callers are the sampled frames of the function in the same file that
 * starts closest above it (the one that made it, unless V8 inlined that one
 * into its caller; then the caller's frames).
 */
function closureSite(inScript: readonly SiteCandidate[], scriptUrl: string, closure: ClosureSource): AllocationSite {
  const at = originalFrame({ functionName: closure.name || '(anonymous)', url: scriptUrl, line: closure.position.line, column: closure.position.column });
  const startsAbove = (c: SiteCandidate) => toPath(c.frame.url) === toPath(at.url) && c.frame.line <= at.line;
  const maker = inScript.filter(startsAbove).sort((a, b) => b.frame.line - a.frame.line || b.frame.column - a.frame.column)[0] ?? inScript[0];
  const callers = maker?.stack ?? [];
  const user = callers.filter((f) => !isInternalUrl(f.url));
  const rest = callers.filter((f) => isInternalUrl(f.url));
  return {
    file: toPath(at.url),
    line: at.line,
    column: at.column,
    functionName: at.functionName,
    stack: [at, ...user, ...rest].slice(0, SITE_STACK_FRAMES).map(formatFrame),
    source: 'measured',
  };
}

/** A plain object's own named properties in the snapshot (no symbols, no V8 internals), for `siteForGroup`. */
export function propertyNamesOf(index: HeapIndex, node: number): string[] {
  const { edgeStart, edgeTypes } = index.graph;
  const names: string[] = [];
  for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
    if (edgeTypes[e] !== EdgeType.property) continue;
    const name = index.edgeLabel(e);
    if (name !== '__proto__' && /^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
  }
  return names;
}

/** Lines after an object literal's `{` its keys may take. */
const LITERAL_LINES = 8;

/** How many of `keys` the object literal opened at line `at` writes (`key:` or shorthand `key,`). */
function keysWritten(lines: readonly string[], at: number, end: number, keys: readonly RegExp[]): number {
  const text = lines.slice(at, Math.min(end + 1, at + LITERAL_LINES)).join('\n');
  return keys.filter((key) => key.test(text)).length;
}

/**
 * A plain object's site from its property names: among the sampled
 * functions and their callers, the object literal that writes most of the
 * object's keys. `{` alone matches nearly any function, and the function
 * that allocated the most surviving bytes is often a library's (an HTTP
 * client's request under supertest), not the line that made the object.
 */
function literalWithKeys(candidates: readonly SiteCandidate[], propertyNames: readonly string[]): { candidate: SiteCandidate; line: number; column: number } | undefined {
  const names = propertyNames.slice(0, 12);
  if (names.length === 0) return undefined;
  const keys = names.map((name) => new RegExp(`(^|[{,\\s])${name.replace(/\$/g, '\\$')}\\s*(:|,|\\}|$)`, 'm'));
  const needed = Math.min(2, names.length);
  let best: { candidate: SiteCandidate; line: number; column: number; written: number } | undefined;
  for (const candidate of candidates) {
    const frames = candidate.stack.filter((f) => !isInternalUrl(f.url)).slice(0, 6);
    for (const frame of frames) {
      const lines = sourceLines(frame.url);
      if (!lines) continue;
      const end = functionEndLine(lines, frame.line, frame.column, 80);
      for (let i = frame.line - 1; i <= end && i < lines.length; i++) {
        const brace = lines[i]!.indexOf('{', i === frame.line - 1 ? Math.max(0, frame.column - 1) : 0);
        if (brace < 0) continue;
        const written = keysWritten(lines, i, end, keys);
        // Ties go to the later brace in the same function: the literal's own, not the body's that encloses it.
        if (written >= needed && (written > (best?.written ?? 0) || (written === best?.written && best.candidate.frame === frame))) {
          best = { candidate: { ...candidate, frame, stack: candidate.stack.slice(candidate.stack.indexOf(frame)) }, line: i + 1, column: brace + 1, written };
        }
      }
    }
  }
  return best;
}

export function siteForGroup(
  allCandidates: readonly SiteCandidate[],
  groupName: string,
  kind: 'object' | 'closure' | 'other',
  /** For closures: the script that defines them; sites in that file come first. */
  scriptUrl?: string,
  /** For closures: their name and where their source starts in that script, which is where they are made. */
  closure?: ClosureSource,
  /** For plain objects: their own property names, which their literal writes. */
  propertyNames: readonly string[] = [],
): AllocationSite | undefined {
  const inScript = scriptUrl ? allCandidates.filter((c) => toPath(c.frame.url) === toPath(scriptUrl)) : [];
  if (kind === 'closure' && scriptUrl && closure) return closureSite(inScript.map(inOriginalSource), scriptUrl, closure);
  const candidates = (inScript.length > 0 ? inScript : allCandidates).slice(0, 8).map(inOriginalSource);
  if (candidates.length === 0) return undefined;
  if (kind === 'object' && groupName === 'Object') {
    const literal = literalWithKeys(candidates, propertyNames);
    if (literal) return toSite(literal.candidate, literal.line, literal.column, 'inferred');
  }
  const patterns = allocationPatterns(groupName, kind);
  let chosen = candidates[0]!;
  // The constructor's own frame allocates `this`; the `new X(...)` is in a
  // caller. Searched first: the lines below a constructor belong to other
  // functions, and the first `new X(` there is someone else's.
  const inConstructor = kind === 'object' && chosen.frame.functionName === groupName;
  let refined = inConstructor ? { line: chosen.frame.line, column: chosen.frame.column, found: false } : refineLine(chosen.frame, patterns);
  if (!refined.found) {
    for (const caller of chosen.stack.slice(1, 6)) {
      if (isInternalUrl(caller.url)) continue;
      const attempt = refineLine(caller, patterns.slice(0, 1));
      if (attempt.found) {
        chosen = { ...chosen, frame: caller, stack: chosen.stack.slice(chosen.stack.indexOf(caller)) };
        refined = attempt;
        break;
      }
    }
  }
  if (!refined.found) {
    for (const candidate of candidates.slice(1, 8)) {
      const attempt = refineLine(candidate.frame, patterns.slice(0, 1));
      if (attempt.found) {
        chosen = candidate;
        refined = attempt;
        break;
      }
    }
  }
  return toSite(chosen, refined.line, refined.column, refined.found ? 'inferred' : 'sampled');
}

/**
 * Where `name` is bound, read from the script that defines it (bindLine). A
 * bound function is too small for the sampling profiler to catch often, so
 * its `.bind(` is seldom in a sampled frame.
 */
export function bindSiteInScript(scriptUrl: string, name: string): AllocationSite | undefined {
  const found = bindLine(scriptUrl, name);
  if (!found) return undefined;
  const file = toPath(scriptUrl);
  return { file, line: found.line, column: found.column, functionName: name, stack: [`${name} (${file}:${found.line}:${found.column})`], source: 'inferred' };
}

/** A sampled site's stack line that names the function `name` (`IncomingMessage (node:_http_incoming:50:3)`). */
const namesFunction = (line: string, name: string) => line.startsWith(`${name} (`);

/**
 * An instance's site when no line in the sampled functions makes it (no
 * `new X(` in them): the site `siteForGroup` guessed stands when the
 * constructor is on its stack (Node's `fs.statSync` making a Stats for the
 * user's call); else the constructor's own frame from the samples that ran
 * it, Node's included. A request Node's HTTP server parsed was made by
 * `parserOnHeadersComplete`, not by whichever library allocated the most
 * bytes meanwhile (supertest's assertion wrapper, express's `send`).
 */
export function instanceSite(samples: readonly AllocationSample[], className: string, guessed: AllocationSite | undefined): AllocationSite | undefined {
  if (guessed && guessed.source !== 'sampled') return guessed;
  if (!/^[A-Za-z_$][\w$]*$/.test(className) || className === 'Object' || className === 'Array') return guessed;
  if (guessed?.stack.some((line) => namesFunction(line, className))) return guessed;
  const byFrame = new Map<string, SiteCandidate>();
  for (const sample of samples) {
    const at = sample.stack.findIndex((frame) => frame.functionName === className);
    if (at < 0 || madeByMemscope(sample.stack)) continue;
    const frame = sample.stack[at]!;
    const key = `${frame.url}:${frame.line}:${frame.column}`;
    const entry = byFrame.get(key) ?? { frame, stack: sample.stack.slice(at), bytes: 0 };
    entry.bytes += sample.size * sample.count;
    byFrame.set(key, entry);
  }
  const maker = [...byFrame.values()].sort((a, b) => b.bytes - a.bytes)[0];
  if (!maker) return guessed;
  const mapped = inOriginalSource(maker);
  return toSite(mapped, mapped.frame.line, mapped.frame.column, 'sampled');
}

/**
 * The function that allocated most of the sampled bytes, where the user
 * wrote it, with no line refined from the source: a site for survivors
 * whose type is not known (no snapshot named them).
 */
export function mostSampledSite(candidates: readonly SiteCandidate[]): AllocationSite | undefined {
  if (candidates.length === 0) return undefined;
  const chosen = inOriginalSource(candidates[0]!);
  return toSite(chosen, chosen.frame.line, chosen.frame.column, 'sampled');
}

function toSite(chosen: SiteCandidate, line: number, column: number, source: AllocationSite['source']): AllocationSite {
  const user = chosen.stack.filter((f) => !isInternalUrl(f.url));
  const rest = chosen.stack.filter((f) => isInternalUrl(f.url));
  return {
    file: toPath(chosen.frame.url),
    line,
    column,
    functionName: chosen.frame.functionName || '(anonymous)',
    stack: [...user, ...rest].slice(0, SITE_STACK_FRAMES).map(formatFrame),
    source,
  };
}

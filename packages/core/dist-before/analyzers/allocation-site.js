"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.allocationCandidates = allocationCandidates;
exports.siteForGroup = siteForGroup;
const node_fs_1 = require("node:fs");
const node_url_1 = require("node:url");
const stack_frames_js_1 = require("./stack-frames.js");
function toPath(url) {
    return url.startsWith('file://') ? (0, node_url_1.fileURLToPath)(url) : url;
}
function formatFrame(frame) {
    return `${frame.functionName || '(anonymous)'} (${toPath(frame.url)}:${frame.line}:${frame.column})`;
}
/** Live samples grouped by their innermost user frame, most bytes first. */
function allocationCandidates(samples) {
    const byFrame = new Map();
    for (const sample of samples) {
        const frame = sample.stack.find((f) => !(0, stack_frames_js_1.isInternalUrl)(f.url));
        if (!frame)
            continue;
        const key = `${frame.url}:${frame.line}:${frame.column}:${frame.functionName}`;
        const entry = byFrame.get(key) ?? { frame, stack: sample.stack, bytes: 0 };
        entry.bytes += sample.size * sample.count;
        byFrame.set(key, entry);
    }
    return [...byFrame.values()].sort((a, b) => b.bytes - a.bytes);
}
const sourceCache = new Map();
function sourceLines(url) {
    if (!sourceCache.has(url)) {
        try {
            sourceCache.set(url, (0, node_fs_1.readFileSync)(toPath(url), 'utf8').split('\n'));
        }
        catch {
            sourceCache.set(url, null);
        }
    }
    return sourceCache.get(url) ?? null;
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Patterns that allocate an object of this group, strongest evidence first. */
function allocationPatterns(groupName, nodeType) {
    const name = escape(groupName);
    if (nodeType === 'closure')
        return [new RegExp(`function\\s+${name}\\b|\\b${name}\\s*=\\s*(async\\s*)?\\(|=>`), /=>|function\s*\(/];
    if (groupName === 'Object')
        return [/[=(,:]\s*\{|return\s*\{|push\(\s*\{|set\([^)]*,\s*\{/];
    if (groupName === 'Array')
        return [/\[\s*\]|\[\s*[^\]]|Array\(|Array\.from/];
    if (/^(Buffer|Uint8Array|ArrayBuffer)$/.test(groupName))
        return [/Buffer\.(alloc|from|concat|allocUnsafe)|new (Uint8Array|ArrayBuffer)/];
    if (groupName === '(string)')
        return [/[`'"+]/];
    return [new RegExp(`new\\s+${name}\\s*\\(|\\b${name}\\s*\\(`)];
}
/**
 * Finds the line inside the sampled function where the group's objects are
 * made. V8's sampling profiler knows functions, not statements, so the line
 * is read from the source (`inferred`); without a match the function's own
 * position stays (`sampled`).
 */
function refineLine(frame, patterns) {
    const lines = sourceLines(frame.url);
    if (!lines)
        return { line: frame.line, column: frame.column, found: false };
    for (const pattern of patterns) {
        // The header line is the function itself; its body follows.
        for (let i = frame.line - 1; i < Math.min(lines.length, frame.line + 80); i++) {
            const text = lines[i];
            const from = i === frame.line - 1 ? Math.max(0, frame.column - 1) : 0;
            const match = pattern.exec(text.slice(from));
            if (match && !(i === frame.line - 1 && pattern.source.includes('=>') && i + 1 < lines.length && match.index === 0)) {
                return { line: i + 1, column: from + match.index + 1, found: true };
            }
        }
    }
    return { line: frame.line, column: frame.column, found: false };
}
function siteForGroup(candidates, groupName, kind) {
    if (candidates.length === 0)
        return undefined;
    const patterns = allocationPatterns(groupName, kind);
    let chosen = candidates[0];
    let refined = refineLine(chosen.frame, patterns);
    if (!refined.found) {
        // The constructor's own frame allocates `this`; the `new X(...)` is in a caller.
        for (const caller of chosen.stack.slice(1, 6)) {
            if ((0, stack_frames_js_1.isInternalUrl)(caller.url))
                continue;
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
    const user = chosen.stack.filter((f) => !(0, stack_frames_js_1.isInternalUrl)(f.url));
    const rest = chosen.stack.filter((f) => (0, stack_frames_js_1.isInternalUrl)(f.url));
    return {
        file: toPath(chosen.frame.url),
        line: refined.line,
        column: refined.column,
        functionName: chosen.frame.functionName || '(anonymous)',
        stack: [...user, ...rest].slice(0, 6).map(formatFrame),
        source: refined.found ? 'inferred' : 'sampled',
    };
}
//# sourceMappingURL=allocation-site.js.map
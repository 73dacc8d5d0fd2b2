"use strict";
/**
 * The capture layer: one interface, two implementations.
 *
 * `native` is the C++ addon (@memscope/native); `js` is the pure-JS twin over
 * node:v8, node:inspector and vm. Everything above this layer (verdicts,
 * per-test scopes, reports) talks only to `Capture`, and every result says
 * which path produced it.
 */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.leakFilterRules = void 0;
const v8_internals_js_1 = require("./rules/v8-internals.js");
const compiled_regexp_js_1 = require("./rules/compiled-regexp.js");
const memscope_own_js_1 = require("./rules/memscope-own.js");
const test_runner_js_1 = require("./rules/test-runner.js");
const console_stdio_js_1 = require("./rules/console-stdio.js");
const async_bookkeeping_js_1 = require("./rules/async-bookkeeping.js");
const root_held_js_1 = require("./rules/root-held.js");
/** The shipped false-positive rules, cheapest and broadest first. */
exports.leakFilterRules = [
    v8_internals_js_1.v8Internals,
    root_held_js_1.heldOnlyByRoots,
    compiled_regexp_js_1.compiledRegExpData,
    memscope_own_js_1.memscopeOwn,
    test_runner_js_1.testRunnerOwn,
    console_stdio_js_1.consoleAndStdio,
    async_bookkeeping_js_1.asyncBookkeeping,
];
//# sourceMappingURL=rule-list.js.map
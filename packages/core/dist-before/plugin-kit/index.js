"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportDirectory = exports.finishRun = exports.joinRunChannel = exports.openRunChannel = exports.RUN_DIR_ENV = exports.resolveReporterOptions = void 0;
var options_js_1 = require("./options.js");
Object.defineProperty(exports, "resolveReporterOptions", { enumerable: true, get: function () { return options_js_1.resolveReporterOptions; } });
var run_channel_js_1 = require("./run-channel.js");
Object.defineProperty(exports, "RUN_DIR_ENV", { enumerable: true, get: function () { return run_channel_js_1.RUN_DIR_ENV; } });
Object.defineProperty(exports, "openRunChannel", { enumerable: true, get: function () { return run_channel_js_1.openRunChannel; } });
Object.defineProperty(exports, "joinRunChannel", { enumerable: true, get: function () { return run_channel_js_1.joinRunChannel; } });
var finish_run_js_1 = require("./finish-run.js");
Object.defineProperty(exports, "finishRun", { enumerable: true, get: function () { return finish_run_js_1.finishRun; } });
Object.defineProperty(exports, "reportDirectory", { enumerable: true, get: function () { return finish_run_js_1.reportDirectory; } });
//# sourceMappingURL=index.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUN_TASK_ID = exports.TASK_GRAPH_SCHEMA_VERSION = exports.exportTaskGraph = exports.recordFileName = exports.readFileRecords = exports.writeFileRecord = exports.currentScope = exports.FileRecorder = exports.createFileRecorder = void 0;
var recorder_js_1 = require("./recorder.js");
Object.defineProperty(exports, "createFileRecorder", { enumerable: true, get: function () { return recorder_js_1.createFileRecorder; } });
Object.defineProperty(exports, "FileRecorder", { enumerable: true, get: function () { return recorder_js_1.FileRecorder; } });
var storage_js_1 = require("./storage.js");
Object.defineProperty(exports, "currentScope", { enumerable: true, get: function () { return storage_js_1.currentScope; } });
var records_js_1 = require("./records.js");
Object.defineProperty(exports, "writeFileRecord", { enumerable: true, get: function () { return records_js_1.writeFileRecord; } });
Object.defineProperty(exports, "readFileRecords", { enumerable: true, get: function () { return records_js_1.readFileRecords; } });
Object.defineProperty(exports, "recordFileName", { enumerable: true, get: function () { return records_js_1.recordFileName; } });
var graph_js_1 = require("./graph.js");
Object.defineProperty(exports, "exportTaskGraph", { enumerable: true, get: function () { return graph_js_1.exportTaskGraph; } });
Object.defineProperty(exports, "TASK_GRAPH_SCHEMA_VERSION", { enumerable: true, get: function () { return graph_js_1.TASK_GRAPH_SCHEMA_VERSION; } });
Object.defineProperty(exports, "RUN_TASK_ID", { enumerable: true, get: function () { return graph_js_1.RUN_TASK_ID; } });
//# sourceMappingURL=index.js.map
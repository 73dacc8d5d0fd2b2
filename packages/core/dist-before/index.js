"use strict";
// The public surface of @memscope/core: named exports only.
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateRunReport = exports.formatSummary = exports.REPORT_SCHEMA_VERSION = exports.REPORT_KIND = exports.createProgressLine = exports.mergeRunReports = exports.renderDashboard = exports.formatBytes = exports.formatComparison = exports.compareRunReports = exports.createColors = exports.colorsFor = exports.colorEnabled = exports.reportExitCode = exports.computeTotals = exports.buildRunReport = exports.reportDirectory = exports.finishRun = exports.joinRunChannel = exports.openRunChannel = exports.RUN_DIR_ENV = exports.resolveReporterOptions = exports.matcherColors = exports.measureRetention = exports.measureAllocation = exports.formatStatistics = exports.formatLeakDiagnosis = exports.defaultMatcherDeps = exports.createMatchers = exports.MATCHER_NAMES = exports.checkTrackedEntries = exports.checkTracked = exports.track = exports.RUN_TASK_ID = exports.TASK_GRAPH_SCHEMA_VERSION = exports.exportTaskGraph = exports.recordFileName = exports.readFileRecords = exports.writeFileRecord = exports.currentScope = exports.FileRecorder = exports.createFileRecorder = exports.measureSnapshotFit = exports.assertSnapshotFits = exports.settle = exports.getCapture = exports.isMemscopeError = exports.MemscopeError = exports.leakFilterRules = exports.checkLeak = void 0;
exports.updateBaseline = exports.parseBaseline = exports.loadBaseline = exports.compareWithBaseline = exports.writeReports = exports.serializeRunReport = exports.readRunReport = exports.parseRunReport = exports.DEFAULT_REPORT_DIR = void 0;
// The leak verdict
var check_leak_js_1 = require("./verdict/check-leak.js");
Object.defineProperty(exports, "checkLeak", { enumerable: true, get: function () { return check_leak_js_1.checkLeak; } });
var rule_list_js_1 = require("./analyzers/rule-list.js");
Object.defineProperty(exports, "leakFilterRules", { enumerable: true, get: function () { return rule_list_js_1.leakFilterRules; } });
// Errors
var errors_js_1 = require("./errors.js");
Object.defineProperty(exports, "MemscopeError", { enumerable: true, get: function () { return errors_js_1.MemscopeError; } });
Object.defineProperty(exports, "isMemscopeError", { enumerable: true, get: function () { return errors_js_1.isMemscopeError; } });
// Capture
var index_js_1 = require("./capture/index.js");
Object.defineProperty(exports, "getCapture", { enumerable: true, get: function () { return index_js_1.getCapture; } });
Object.defineProperty(exports, "settle", { enumerable: true, get: function () { return index_js_1.settle; } });
Object.defineProperty(exports, "assertSnapshotFits", { enumerable: true, get: function () { return index_js_1.assertSnapshotFits; } });
Object.defineProperty(exports, "measureSnapshotFit", { enumerable: true, get: function () { return index_js_1.measureSnapshotFit; } });
// Per-test scopes and tracked objects
var index_js_2 = require("./tasks/index.js");
Object.defineProperty(exports, "createFileRecorder", { enumerable: true, get: function () { return index_js_2.createFileRecorder; } });
Object.defineProperty(exports, "FileRecorder", { enumerable: true, get: function () { return index_js_2.FileRecorder; } });
Object.defineProperty(exports, "currentScope", { enumerable: true, get: function () { return index_js_2.currentScope; } });
Object.defineProperty(exports, "writeFileRecord", { enumerable: true, get: function () { return index_js_2.writeFileRecord; } });
Object.defineProperty(exports, "readFileRecords", { enumerable: true, get: function () { return index_js_2.readFileRecords; } });
Object.defineProperty(exports, "recordFileName", { enumerable: true, get: function () { return index_js_2.recordFileName; } });
Object.defineProperty(exports, "exportTaskGraph", { enumerable: true, get: function () { return index_js_2.exportTaskGraph; } });
Object.defineProperty(exports, "TASK_GRAPH_SCHEMA_VERSION", { enumerable: true, get: function () { return index_js_2.TASK_GRAPH_SCHEMA_VERSION; } });
Object.defineProperty(exports, "RUN_TASK_ID", { enumerable: true, get: function () { return index_js_2.RUN_TASK_ID; } });
var index_js_3 = require("./track/index.js");
Object.defineProperty(exports, "track", { enumerable: true, get: function () { return index_js_3.track; } });
Object.defineProperty(exports, "checkTracked", { enumerable: true, get: function () { return index_js_3.checkTracked; } });
Object.defineProperty(exports, "checkTrackedEntries", { enumerable: true, get: function () { return index_js_3.checkTrackedEntries; } });
// Matchers (bound per framework by the plugins)
var index_js_4 = require("./matchers/index.js");
Object.defineProperty(exports, "MATCHER_NAMES", { enumerable: true, get: function () { return index_js_4.MATCHER_NAMES; } });
Object.defineProperty(exports, "createMatchers", { enumerable: true, get: function () { return index_js_4.createMatchers; } });
Object.defineProperty(exports, "defaultMatcherDeps", { enumerable: true, get: function () { return index_js_4.defaultMatcherDeps; } });
Object.defineProperty(exports, "formatLeakDiagnosis", { enumerable: true, get: function () { return index_js_4.formatLeakDiagnosis; } });
Object.defineProperty(exports, "formatStatistics", { enumerable: true, get: function () { return index_js_4.formatStatistics; } });
Object.defineProperty(exports, "measureAllocation", { enumerable: true, get: function () { return index_js_4.measureAllocation; } });
Object.defineProperty(exports, "measureRetention", { enumerable: true, get: function () { return index_js_4.measureRetention; } });
Object.defineProperty(exports, "matcherColors", { enumerable: true, get: function () { return index_js_4.matcherColors; } });
// Reporter support shared by the plugins
var index_js_5 = require("./plugin-kit/index.js");
Object.defineProperty(exports, "resolveReporterOptions", { enumerable: true, get: function () { return index_js_5.resolveReporterOptions; } });
Object.defineProperty(exports, "RUN_DIR_ENV", { enumerable: true, get: function () { return index_js_5.RUN_DIR_ENV; } });
Object.defineProperty(exports, "openRunChannel", { enumerable: true, get: function () { return index_js_5.openRunChannel; } });
Object.defineProperty(exports, "joinRunChannel", { enumerable: true, get: function () { return index_js_5.joinRunChannel; } });
Object.defineProperty(exports, "finishRun", { enumerable: true, get: function () { return index_js_5.finishRun; } });
Object.defineProperty(exports, "reportDirectory", { enumerable: true, get: function () { return index_js_5.reportDirectory; } });
// Reports and baselines
var index_js_6 = require("./report/index.js");
Object.defineProperty(exports, "buildRunReport", { enumerable: true, get: function () { return index_js_6.buildRunReport; } });
Object.defineProperty(exports, "computeTotals", { enumerable: true, get: function () { return index_js_6.computeTotals; } });
Object.defineProperty(exports, "reportExitCode", { enumerable: true, get: function () { return index_js_6.reportExitCode; } });
Object.defineProperty(exports, "colorEnabled", { enumerable: true, get: function () { return index_js_6.colorEnabled; } });
Object.defineProperty(exports, "colorsFor", { enumerable: true, get: function () { return index_js_6.colorsFor; } });
Object.defineProperty(exports, "createColors", { enumerable: true, get: function () { return index_js_6.createColors; } });
Object.defineProperty(exports, "compareRunReports", { enumerable: true, get: function () { return index_js_6.compareRunReports; } });
Object.defineProperty(exports, "formatComparison", { enumerable: true, get: function () { return index_js_6.formatComparison; } });
Object.defineProperty(exports, "formatBytes", { enumerable: true, get: function () { return index_js_6.formatBytes; } });
Object.defineProperty(exports, "renderDashboard", { enumerable: true, get: function () { return index_js_6.renderDashboard; } });
Object.defineProperty(exports, "mergeRunReports", { enumerable: true, get: function () { return index_js_6.mergeRunReports; } });
Object.defineProperty(exports, "createProgressLine", { enumerable: true, get: function () { return index_js_6.createProgressLine; } });
Object.defineProperty(exports, "REPORT_KIND", { enumerable: true, get: function () { return index_js_6.REPORT_KIND; } });
Object.defineProperty(exports, "REPORT_SCHEMA_VERSION", { enumerable: true, get: function () { return index_js_6.REPORT_SCHEMA_VERSION; } });
Object.defineProperty(exports, "formatSummary", { enumerable: true, get: function () { return index_js_6.formatSummary; } });
Object.defineProperty(exports, "validateRunReport", { enumerable: true, get: function () { return index_js_6.validateRunReport; } });
Object.defineProperty(exports, "DEFAULT_REPORT_DIR", { enumerable: true, get: function () { return index_js_6.DEFAULT_REPORT_DIR; } });
Object.defineProperty(exports, "parseRunReport", { enumerable: true, get: function () { return index_js_6.parseRunReport; } });
Object.defineProperty(exports, "readRunReport", { enumerable: true, get: function () { return index_js_6.readRunReport; } });
Object.defineProperty(exports, "serializeRunReport", { enumerable: true, get: function () { return index_js_6.serializeRunReport; } });
Object.defineProperty(exports, "writeReports", { enumerable: true, get: function () { return index_js_6.writeReports; } });
var index_js_7 = require("./baseline/index.js");
Object.defineProperty(exports, "compareWithBaseline", { enumerable: true, get: function () { return index_js_7.compareWithBaseline; } });
Object.defineProperty(exports, "loadBaseline", { enumerable: true, get: function () { return index_js_7.loadBaseline; } });
Object.defineProperty(exports, "parseBaseline", { enumerable: true, get: function () { return index_js_7.parseBaseline; } });
Object.defineProperty(exports, "updateBaseline", { enumerable: true, get: function () { return index_js_7.updateBaseline; } });
//# sourceMappingURL=index.js.map
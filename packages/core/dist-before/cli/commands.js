"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.commands = void 0;
const compare_js_1 = require("./compare.js");
const doctor_js_1 = require("./doctor.js");
const merge_js_1 = require("./merge.js");
const report_js_1 = require("./report.js");
/** Every `memscope <command>`, in the order `--help` lists them. */
exports.commands = [
    doctor_js_1.doctorCommand,
    report_js_1.reportCommand,
    merge_js_1.mergeCommand,
    compare_js_1.compareCommand,
];
//# sourceMappingURL=commands.js.map
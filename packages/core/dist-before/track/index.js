"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkTrackedEntries = exports.checkTracked = exports.track = void 0;
var registry_js_1 = require("./registry.js");
Object.defineProperty(exports, "track", { enumerable: true, get: function () { return registry_js_1.track; } });
var check_js_1 = require("./check.js");
Object.defineProperty(exports, "checkTracked", { enumerable: true, get: function () { return check_js_1.checkTracked; } });
Object.defineProperty(exports, "checkTrackedEntries", { enumerable: true, get: function () { return check_js_1.checkTrackedEntries; } });
//# sourceMappingURL=index.js.map
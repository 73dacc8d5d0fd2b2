"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compiledRegExpData = void 0;
exports.compiledRegExpData = {
    name: 'compiled-regexp-data',
    why: 'V8 caches compiled RegExp code and last-match info per pattern; it is bounded by the number of patterns.',
    excludesGroup(group) {
        return /RegExpLastMatchInfo|\(RegExp/.test(group.name) || /regexp_last_match_info|RegExpLastMatchInfo/.test(group.pathText);
    },
};
//# sourceMappingURL=compiled-regexp.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.consoleAndStdio = void 0;
exports.consoleAndStdio = {
    name: 'console-stdio',
    why: 'console and stdio buffer writes and tick objects until the stream drains; that is flow control, not a leak.',
    excludesGroup(group) {
        return /^(TickObject|WriteWrap|WriteReq)$/.test(group.name) || /_writableState|kBuffer|stdout|stderr|BufferedConsole|CustomConsole/.test(group.holderText);
    },
};
//# sourceMappingURL=console-stdio.js.map
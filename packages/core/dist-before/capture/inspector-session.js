"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.connectSyncSession = connectSyncSession;
const node_inspector_1 = require("node:inspector");
function connectSyncSession() {
    const session = new node_inspector_1.Session();
    session.connect();
    return {
        post(method, params = {}) {
            let answered = false;
            let failure = null;
            let result;
            session.post(method, params, (error, value) => {
                answered = true;
                failure = error;
                result = value;
            });
            if (!answered) {
                throw new Error(`inspector command ${method} did not answer synchronously; the pure-JS capture needs the inspector of its own thread`);
            }
            if (failure)
                throw failure;
            return result;
        },
        on(event, listener) {
            session.on(event, listener);
        },
        off(event, listener) {
            session.off(event, listener);
        },
    };
}
//# sourceMappingURL=inspector-session.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.asyncBookkeeping = void 0;
exports.asyncBookkeeping = {
    name: 'async-bookkeeping',
    why: "Node's async machinery (resolved promise reactions, async-hook bookkeeping, the timer lists) recycles its own objects.",
    excludesGroup(group) {
        return /^(PromiseReaction|AsyncResource|TimersList)$/.test(group.name) || /async_id_symbol|kResourceStore|execution_async_resources/.test(group.holderText);
    },
};
//# sourceMappingURL=async-bookkeeping.js.map
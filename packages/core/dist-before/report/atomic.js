"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeFileAtomic = writeFileAtomic;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
/**
 * Writes `data` to `path` so that a reader sees either the old file or the
 * whole new one, never half of it: the bytes go to a temporary file in the
 * same directory (rename is only atomic within one file system), are flushed,
 * then renamed over the target. The temporary file is removed on failure.
 */
async function writeFileAtomic(path, data) {
    const dir = (0, node_path_1.dirname)(path);
    await (0, promises_1.mkdir)(dir, { recursive: true });
    const temp = (0, node_path_1.join)(dir, `.${(0, node_path_1.basename)(path)}.${process.pid}.${(0, node_crypto_1.randomBytes)(4).toString('hex')}.tmp`);
    try {
        const handle = await (0, promises_1.open)(temp, 'w');
        try {
            await handle.writeFile(data, 'utf8');
            // Without the flush a crash right after rename can leave an empty file on some file systems.
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0, promises_1.rename)(temp, path);
    }
    catch (error) {
        await (0, promises_1.unlink)(temp).catch(() => undefined);
        throw error;
    }
}
//# sourceMappingURL=atomic.js.map
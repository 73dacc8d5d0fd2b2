"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUN_DIR_ENV = void 0;
exports.openRunChannel = openRunChannel;
exports.joinRunChannel = joinRunChannel;
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const errors_js_1 = require("../errors.js");
/**
 * How a run's reporter (main process) and its workers find each other.
 *
 * The reporter is created before any worker starts: it makes a private
 * directory, writes the run's settings there and names the directory in
 * MEMSCOPE_RUN_DIR. Workers inherit the variable (Jest's and Vitest's
 * child processes copy the parent's environment; in-band runs share it),
 * read the settings, and write one file record per test file into the same
 * directory, which the reporter reads as results come in. Without the
 * variable (no reporter configured) the matchers still work; no figures are
 * written.
 */
exports.RUN_DIR_ENV = 'MEMSCOPE_RUN_DIR';
const SETTINGS_FILE = 'run.json';
/** Reporter side: creates the directory, writes the settings and exports MEMSCOPE_RUN_DIR to the workers. */
function openRunChannel(settings, env = process.env) {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'memscope-run-'));
    const full = { schemaVersion: 1, ...settings };
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, SETTINGS_FILE), JSON.stringify(full));
    env[exports.RUN_DIR_ENV] = dir;
    return {
        dir,
        settings: full,
        close: () => {
            if (env[exports.RUN_DIR_ENV] === dir)
                delete env[exports.RUN_DIR_ENV];
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        },
    };
}
/** Worker side: the run directory and settings, or null when no memscope reporter runs. */
function joinRunChannel(env = process.env) {
    const dir = env[exports.RUN_DIR_ENV];
    if (!dir)
        return null;
    let text;
    try {
        text = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, SETTINGS_FILE), 'utf8');
    }
    catch (error) {
        // A stale variable from an earlier run whose directory is gone: run without figures.
        if (error.code === 'ENOENT')
            return null;
        throw error;
    }
    const settings = JSON.parse(text);
    if (settings.schemaVersion !== 1 || (settings.mode !== 'sampled' && settings.mode !== 'settled')) {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_USAGE', `${(0, node_path_1.join)(dir, SETTINGS_FILE)}: run settings written by another memscope version.`);
    }
    return { dir, settings };
}
//# sourceMappingURL=run-channel.js.map
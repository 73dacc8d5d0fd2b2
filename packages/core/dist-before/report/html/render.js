"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTENT_SECURITY_POLICY = exports.PAGE_SCRIPT = void 0;
exports.embedJson = embedJson;
exports.renderDashboard = renderDashboard;
const node_crypto_1 = require("node:crypto");
const page_style_js_1 = require("./page-style.js");
const script_base_js_1 = require("./script-base.js");
const script_detail_js_1 = require("./script-detail.js");
const script_tree_js_1 = require("./script-tree.js");
const script_views_js_1 = require("./script-views.js");
/** The page's one script: the four parts share one scope inside an IIFE. */
exports.PAGE_SCRIPT = `(function () {\n'use strict';\n${script_base_js_1.SCRIPT_BASE}${script_tree_js_1.SCRIPT_TREE}${script_detail_js_1.SCRIPT_DETAIL}${script_views_js_1.SCRIPT_VIEWS}})();\n`;
function sha256(text) {
    return `'sha256-${(0, node_crypto_1.createHash)('sha256').update(text, 'utf8').digest('base64')}'`;
}
/**
 * The policy forbids every network request and every script or style but
 * the page's own, which are allowed by hash (so a string that slipped into
 * the markup could not run). The JSON data block is not a script to the
 * browser and needs no permission.
 */
exports.CONTENT_SECURITY_POLICY = [
    "default-src 'none'",
    `script-src ${sha256(exports.PAGE_SCRIPT)}`,
    `style-src ${sha256(page_style_js_1.PAGE_STYLE)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
].join('; ');
/**
 * JSON that is safe inside `<script type="application/json">`: `<` is
 * escaped so no `</script>` or `<!--` can end or confuse the block, and
 * U+2028/U+2029 are escaped for older JSON-in-JS consumers. The result is
 * still valid JSON with the same value, since those characters only occur
 * inside strings.
 */
function embedJson(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/**
 * The dashboard: one self-contained HTML file with the report inlined. Works
 * from file://, makes no network request.
 */
function renderDashboard(report) {
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${exports.CONTENT_SECURITY_POLICY}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<title>memscope report</title>',
        `<style>${page_style_js_1.PAGE_STYLE}</style>`,
        '</head>',
        '<body>',
        '<div id="app"><noscript>This report needs JavaScript; the same data is in report.json.</noscript></div>',
        `<script type="application/json" id="memscope-data">${embedJson(report)}</script>`,
        `<script>${exports.PAGE_SCRIPT}</script>`,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
//# sourceMappingURL=render.js.map
import { createHash } from 'node:crypto';
import { withProjectPaths } from '../project-paths.js';
import type { RunReport } from '../schema.js';
import { PAGE_STYLE } from './page-style.js';
import { SCRIPT_BASE } from './script-base.js';
import { SCRIPT_DETAIL } from './script-detail.js';
import { SCRIPT_TREE } from './script-tree.js';
import { SCRIPT_VIEWS } from './script-views.js';

/** The page's one script: the four parts share one scope inside an IIFE. */
export const PAGE_SCRIPT = `(function () {\n'use strict';\n${SCRIPT_BASE}${SCRIPT_TREE}${SCRIPT_DETAIL}${SCRIPT_VIEWS}})();\n`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy forbids every network request and every script or style but
 * the page's own, which are allowed by hash (so a string that slipped into
 * the markup could not run). The JSON data block is not a script to the
 * browser and needs no permission.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(PAGE_SCRIPT)}`,
  `style-src ${sha256(PAGE_STYLE)}`,
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
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The dashboard: one self-contained HTML file with the report inlined (its
 * paths relative to the project root, as the runners print them). Works from
 * file://, makes no network request.
 */
export function renderDashboard(report: RunReport): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>memscope report</title>',
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<div id="app"><noscript>This report needs JavaScript; the same data is in report.json.</noscript></div>',
    `<script type="application/json" id="memscope-data">${embedJson(withProjectPaths(report))}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

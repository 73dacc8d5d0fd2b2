/**
 * The dashboard's stylesheet, inlined into index.html and allowed by its
 * SHA-256 hash in the Content-Security-Policy. Neutral greys with one accent;
 * follows the system's light or dark preference.
 */
export const PAGE_STYLE = String.raw`
:root {
  --bg: #f6f7f9; --panel: #ffffff; --panel-2: #f0f2f5; --border: #dde1e6; --text: #1b1f24; --muted: #5f6b7a;
  --accent: #2f6fdb; --accent-soft: #e3ecfb; --bad: #c62f3a; --bad-soft: #fbe7e9; --warn: #a86200; --warn-soft: #fdf0dc;
  --good: #1f7a45; --good-soft: #e2f3e8; --row-hover: #eef2f8; --row-selected: #dde8fb;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171b; --panel: #1b1f24; --panel-2: #22272e; --border: #30363d; --text: #e3e7ec; --muted: #98a2ae;
    --accent: #6ea0f5; --accent-soft: #1f2d45; --bad: #f0707a; --bad-soft: #3a1f23; --warn: #e0a551; --warn-soft: #372a17;
    --good: #5cc78a; --good-soft: #17301f; --row-hover: #232a33; --row-selected: #243552;
  }
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { background: var(--bg); color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
#app { height: 100%; display: flex; flex-direction: column; }
button { font: inherit; color: inherit; }
header.top { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: var(--panel); border-bottom: 1px solid var(--border); }
.brand { font-weight: 700; font-size: 16px; letter-spacing: .2px; }
.brand span { color: var(--accent); }
.context { color: var(--muted); font-size: 13px; flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.status { font-weight: 600; font-size: 12px; padding: 3px 10px; border-radius: 999px; text-transform: uppercase; letter-spacing: .4px; }
.status.ok { background: var(--good-soft); color: var(--good); }
.status.bad { background: var(--bad-soft); color: var(--bad); }
nav.tabs { display: flex; gap: 2px; padding: 0 20px; background: var(--panel); border-bottom: 1px solid var(--border); }
nav.tabs button { background: none; border: 0; border-bottom: 2px solid transparent; padding: 9px 14px; cursor: pointer; color: var(--muted); }
nav.tabs button[aria-selected="true"] { color: var(--text); border-bottom-color: var(--accent); font-weight: 600; }
nav.tabs .count { margin-left: 6px; font-size: 11px; padding: 0 6px; border-radius: 999px; background: var(--panel-2); }
nav.tabs .count.bad { background: var(--bad-soft); color: var(--bad); }
main { flex: 1; min-height: 0; overflow: auto; }
main.split { display: grid; grid-template-columns: minmax(0, 1.5fr) minmax(380px, 1fr); overflow: hidden; }
.page { padding: 20px; max-width: 1200px; }
h2 { font-size: 15px; margin: 22px 0 10px; }
h2:first-child { margin-top: 0; }
h3 { font-size: 14px; margin: 18px 0 8px; }
.muted { color: var(--muted); }
.mono { font-family: var(--mono); font-size: 12.5px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.card { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 22px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
.card.bad .value { color: var(--bad); } .card.warn .value { color: var(--warn); } .card.good .value { color: var(--good); }
.notice { border-radius: 8px; padding: 10px 14px; margin: 12px 0; border: 1px solid var(--border); background: var(--panel); }
.notice.warn { background: var(--warn-soft); border-color: transparent; }
.notice.bad { background: var(--bad-soft); border-color: transparent; }
table.data { width: 100%; border-collapse: collapse; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
table.data th, table.data td { padding: 6px 10px; text-align: left; border-bottom: 1px solid var(--border); vertical-align: top; }
table.figures td:first-child { white-space: nowrap; }
table.data th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--panel-2); }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data tr:last-child td { border-bottom: 0; }
.link { background: none; border: 0; padding: 0; color: var(--accent); cursor: pointer; text-align: left; }
.link:hover { text-decoration: underline; }
.badge { display: inline-block; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 4px; background: var(--panel-2); color: var(--muted); font-weight: 600; white-space: nowrap; }
.badge.bad { background: var(--bad-soft); color: var(--bad); } .badge.warn { background: var(--warn-soft); color: var(--warn); }
.badge.good { background: var(--good-soft); color: var(--good); } .badge.accent { background: var(--accent-soft); color: var(--accent); }
.toolbar { display: flex; gap: 8px; align-items: center; padding: 10px 12px; border-bottom: 1px solid var(--border); background: var(--panel); }
.toolbar input[type="search"] { flex: 1; min-width: 120px; padding: 5px 9px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); font: inherit; }
.toolbar button, .btn { padding: 4px 10px; border: 1px solid var(--border); border-radius: 6px; background: var(--panel-2); cursor: pointer; font-size: 13px; }
.toolbar label { font-size: 13px; color: var(--muted); display: flex; gap: 4px; align-items: center; white-space: nowrap; }
.treepane { display: flex; flex-direction: column; min-height: 0; border-right: 1px solid var(--border); background: var(--panel); }
.grid-head, .row { display: grid; grid-template-columns: minmax(240px, 1fr) repeat(6, 84px); align-items: center; }
.grid-head { border-bottom: 1px solid var(--border); background: var(--panel-2); font-size: 12px; color: var(--muted); font-weight: 600; }
.grid-head button { background: none; border: 0; padding: 7px 8px; text-align: right; cursor: pointer; color: inherit; font-weight: inherit; white-space: nowrap; }
.grid-head button:first-child { text-align: left; }
.grid-head button[aria-sort="ascending"], .grid-head button[aria-sort="descending"] { color: var(--accent); }
.viewport { flex: 1; overflow: auto; position: relative; min-height: 0; }
.spacer { position: relative; }
.row { position: absolute; left: 0; right: 0; height: 28px; cursor: pointer; border-bottom: 1px solid transparent; font-size: 13px; }
.row:hover { background: var(--row-hover); }
.row.selected { background: var(--row-selected); }
.row:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.row .name { display: flex; align-items: center; gap: 6px; min-width: 0; padding-right: 8px; }
.row .name .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row .cell { text-align: right; padding: 0 6px 0 4px; font-variant-numeric: tabular-nums; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 12px; }
.row .cell.empty { color: var(--muted); }
.caret { width: 18px; height: 18px; border: 0; background: none; cursor: pointer; color: var(--muted); padding: 0; flex: none; font-size: 10px; }
.caret.leaf { visibility: hidden; }
.kind { flex: none; font-size: 10px; font-weight: 700; width: 16px; height: 16px; border-radius: 3px; display: inline-flex; align-items: center; justify-content: center; background: var(--panel-2); color: var(--muted); }
.dot { flex: none; width: 7px; height: 7px; border-radius: 50%; background: var(--good); }
.dot.failed { background: var(--bad); } .dot.skipped, .dot.todo { background: var(--border); } .dot.running { background: var(--warn); }
.detail { overflow: auto; padding: 18px 20px; min-height: 0; }
.detail h2 { word-break: break-word; }
.crumbs { color: var(--muted); font-size: 12px; word-break: break-word; }
.chain { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 0; margin: 8px 0; }
.chain .step { font-family: var(--mono); font-size: 12px; padding: 3px 8px; border: 1px solid var(--border); border-radius: 5px; background: var(--panel-2); }
.chain .step.root { border-style: dashed; }
.chain .step.target { border-color: var(--bad); background: var(--bad-soft); color: var(--bad); font-weight: 600; }
.chain .edge { font-family: var(--mono); font-size: 11px; color: var(--muted); padding: 0 6px; display: inline-flex; align-items: center; gap: 4px; }
.chain .edge::after { content: "\2192"; color: var(--muted); font-size: 13px; }
.finding { background: var(--panel); border: 1px solid var(--border); border-left: 3px solid var(--bad); border-radius: 8px; padding: 12px 14px; margin: 10px 0; }
.finding .title { font-weight: 600; }
.finding dl { display: grid; grid-template-columns: 130px 1fr; gap: 4px 12px; margin: 10px 0 0; }
.finding dt { color: var(--muted); font-size: 12px; }
.finding dd { margin: 0; min-width: 0; }
pre { margin: 0; padding: 8px 10px; background: var(--panel-2); border-radius: 6px; font-family: var(--mono); font-size: 12px; white-space: pre-wrap; word-break: break-word; max-height: 260px; overflow: auto; }
svg.timeline { width: 100%; height: 170px; display: block; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; }
svg.timeline .axis { stroke: var(--border); stroke-width: 1; }
svg.timeline .line { fill: none; stroke: var(--accent); stroke-width: 1.5; }
svg.timeline .range { stroke: var(--muted); stroke-width: 2; opacity: .45; }
svg.timeline .point { fill: var(--accent); }
svg.timeline .mark { fill: var(--bad-soft); }
svg.timeline .markline { stroke: var(--bad); stroke-width: 1.5; }
svg.timeline text { fill: var(--muted); font-size: 10px; font-family: var(--mono); }
.legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); margin-top: 6px; }
.empty-state { color: var(--muted); padding: 40px 20px; text-align: center; }
ul.plain { margin: 0; padding-left: 18px; }
ul.plain li, ol.plain li { margin: 2px 0; word-break: break-word; }
ol.plain.trace { margin: 4px 0 0; padding-left: 22px; font-size: 12px; }
.delta-up { color: var(--bad); } .delta-down { color: var(--good); }
`;

import { DASHBOARD_SCRIPT } from "./dashboard-script.ts";

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#0f1419;color:#d9e1e8}
header{display:flex;gap:12px;align-items:center;padding:10px 16px;background:#161d24;border-bottom:1px solid #26313b}
header h1{font-size:16px;margin:0}.badge{padding:2px 8px;border-radius:10px;background:#26313b;font-size:12px}
.ACTIVE{background:#1f5f3a}.REDUCING{background:#7a5c12}.HALTED{background:#7a1f1f}.live{background:#7a1f1f}
main{display:grid;grid-template-columns:2fr 1fr;gap:12px;padding:12px 16px}
section{background:#161d24;border:1px solid #26313b;border-radius:6px;padding:10px;min-width:0}
h2{font-size:13px;margin:0 0 8px;color:#8fa3b5;text-transform:uppercase;letter-spacing:.05em}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;grid-column:1/-1}
.card b{display:block;font-size:20px}#chart{height:320px}
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #26313b}
#feed{list-style:none;margin:0;padding:0;max-height:560px;overflow:auto;font:12px ui-monospace,monospace}
#feed li{padding:2px 0;border-bottom:1px solid #1d262e}.pos{color:#3fb950}.neg{color:#f85149}.muted{color:#6e7f8d}
`;

/** The self-contained dashboard page; it holds no data and no token (the script reads `?token=` itself). */
export function dashboardHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Argo status</title><style>${STYLE}</style></head>
<body>
<header><h1>Argo</h1><span id="mode" class="badge">…</span><span id="state" class="badge">…</span>
<span id="symbols" class="muted"></span><span id="uptime" class="muted"></span><span id="stream" class="badge">connecting</span>
<span id="problem" class="neg"></span></header>
<main>
<div class="cards">
<section class="card"><h2>Equity</h2><b id="equity">–</b></section>
<section class="card"><h2>Cash</h2><b id="balance">–</b></section>
<section class="card"><h2>Unrealized PnL</h2><b id="upnl">–</b></section>
<section class="card"><h2>Realized PnL</h2><b id="rpnl">–</b></section>
</div>
<section><h2>Price <select id="symbol"></select></h2><div id="chart"></div></section>
<section><h2>Event feed</h2><ul id="feed"></ul></section>
<section><h2>Positions</h2><table><thead><tr><th>Symbol</th><th>Side</th><th>Qty</th><th>Avg</th><th>Mark</th><th>uPnL</th></tr></thead>
<tbody id="positions"></tbody></table></section>
<section><h2>Open orders</h2><table><thead><tr><th>Symbol</th><th>Side</th><th>Type</th><th>Qty</th><th>Filled</th><th>Price</th><th>Status</th></tr></thead>
<tbody id="orders"></tbody></table></section>
</main>
<script>${DASHBOARD_SCRIPT}</script>
</body></html>`;
}

import { CANDLE_OF_FILL_SCRIPT } from "./candle-of-fill.ts";
import { CHART_WINDOW_SCRIPT } from "./chart-window.ts";
import { FORMAT_AMOUNT_SCRIPT } from "./format-amount.ts";
import { ORDER_KIND_SCRIPT } from "./order-kind.ts";

// The dashboard's browser script. Plain ES2020 in a string (no template literals inside) so the
// page stays one self-contained response. Every value goes in via textContent, never innerHTML.
/** Browser script of the dashboard page. */
export const DASHBOARD_SCRIPT = String.raw`
"use strict";
// URLSearchParams reads a raw "+" as a space (form encoding); a status token holds no whitespace, so a token pasted
// as written ("+" from base64) is taken back, as the server takes ?token=.
const token = (new URLSearchParams(location.search).get("token") || "").replaceAll(" ", "+");
const auth = token ? { Authorization: "Bearer " + token } : {};
const withToken = (path) => token ? path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : path;
const $ = (id) => document.getElementById(id);
${FORMAT_AMOUNT_SCRIPT}
${CANDLE_OF_FILL_SCRIPT}
${ORDER_KIND_SCRIPT}
${CHART_WINDOW_SCRIPT}
// Money totals (the cards) in cents; prices and quantities keep their precision: 0.00001234 is not 0.00.
const fmtMoney = (n) => typeof n === "number" ? n.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : "–";
const fmtPrice = (n) => formatAmount(n, 2);
const fmtQty = (n) => formatAmount(n, 0);
let chart = null, series = null, markers = null, symbol = null, bars = [], fills = [];

async function get(path) {
  const res = await fetch(path, { headers: auth });
  if (!res.ok) throw new Error(path.split("?")[0] + ": HTTP " + res.status);
  return res.json();
}
function setMoney(id, value) {
  const el = $(id); el.textContent = fmtMoney(value);
  el.className = id.endsWith("pnl") ? (value >= 0 ? "pos" : "neg") : "";
}
function fillRows(tbody, items, columns) {
  tbody.replaceChildren(...items.map((item) => {
    const tr = document.createElement("tr");
    for (const column of columns) { const td = document.createElement("td"); td.textContent = column(item); tr.append(td); }
    return tr;
  }));
}
async function poll() {
  try {
    // The page shows open orders only: limit=0 asks for no recent ones, not the default 50 per poll.
    const [s, a, p, o] = await Promise.all([get("session"), get("account"), get("positions"), get("orders?limit=0")]);
    $("mode").textContent = s.mode; $("mode").className = "badge " + s.mode;
    $("state").textContent = s.tradingState; $("state").className = "badge " + s.tradingState;
    $("symbols").textContent = s.symbols.join(", ") + " · " + s.interval;
    $("uptime").textContent = "up " + Math.round(s.uptimeMs / 1000) + " s";
    if (!symbol) initSymbols(s.symbols);
    setMoney("equity", a.account.equity); setMoney("balance", a.account.balance);
    setMoney("upnl", a.account.unrealizedPnl); setMoney("rpnl", a.account.realizedPnl);
    fillRows($("positions"), p.positions, [(x) => x.symbol, (x) => x.side, (x) => fmtQty(x.quantity), (x) => fmtPrice(x.averagePrice), (x) => fmtPrice(x.marketPrice), (x) => fmtPrice(x.unrealizedPnl)]);
    fillRows($("orders"), o.open, [(x) => x.symbol, (x) => x.side, (x) => orderKind(x), (x) => fmtQty(x.quantity), (x) => fmtQty(x.filledQuantity), (x) => fmtPrice(x.limitPrice ?? x.stopPrice), (x) => x.status]);
    $("problem").textContent = "";
  } catch (error) { $("problem").textContent = String(error.message || error); }
}
let pollTimer = null;
// Orders and fills change positions and equity: refresh soon, but once per burst of events.
function schedulePoll() {
  if (pollTimer === null) pollTimer = setTimeout(() => { pollTimer = null; poll(); }, 250);
}
function initSymbols(list) {
  const select = $("symbol");
  select.replaceChildren(...list.map((name) => { const o = document.createElement("option"); o.textContent = name; return o; }));
  select.onchange = () => loadChart(select.value);
  if (list.length) loadChart(list[0]);
}
const toBar = (b) => ({ time: Math.floor(b.openTime / 1000), open: b.open, high: b.high, low: b.low, close: b.close });
function redrawMarkers() {
  if (!markers || !bars.length) return;
  const times = bars.map((b) => b.time);
  const list = [];
  for (const f of fills) {
    const time = candleOfFill(times, Math.floor(f.time / 1000));
    if (time === undefined) continue;
    const buy = f.side === "BUY";
    list.push({ time, position: buy ? "belowBar" : "aboveBar", shape: buy ? "arrowUp" : "arrowDown", color: buy ? "#3fb950" : "#f85149", text: f.side + " " + fmtQty(f.quantity) });
  }
  list.sort((x, y) => x.time - y.time);
  markers.setMarkers(list);
}
async function loadChart(name) {
  symbol = name; bars = []; fills = [];
  if (!series) return;
  try {
    const [b, t] = await Promise.all([get("bars?symbol=" + encodeURIComponent(name)), get("trades?symbol=" + encodeURIComponent(name))]);
    bars = b.bars.map(toBar); fills = t.trades;
  } catch (error) { $("problem").textContent = String(error.message || error); }
  series.setData(bars); redrawMarkers();
}
function onBar(bar) {
  if (!series || bar.symbol !== symbol) return;
  const next = toBar(bar), last = bars[bars.length - 1];
  if (last && next.time < last.time) return;
  if (last && next.time === last.time) bars[bars.length - 1] = next; else bars.push(next);
  series.update(next);
  keepChartRecent();
}
// Cut back to the recent window when it has doubled (see trimChart): redrawn once then, not on every bar.
function keepChartRecent() {
  const kept = trimChart(bars, fills);
  if (kept === null) return;
  bars = kept.bars; fills = kept.fills;
  series.setData(bars); redrawMarkers();
}
function addFeedRow(type, event) {
  const d = event.data, li = document.createElement("li");
  li.className = "feed-row " + type;
  const what = type === "bar" ? d.symbol + " close " + fmtPrice(d.close)
    : type === "order" ? d.symbol + " " + d.side + " " + orderKind(d) + " " + fmtQty(d.quantity) + " " + d.status
    : type === "fill" ? d.symbol + " " + d.side + " " + fmtQty(d.quantity) + " @ " + fmtPrice(d.price)
    : type === "error" ? d.code + ": " + d.message
    : (d.previous || "?") + " → " + d.tradingState + (d.reason ? " (" + d.reason + ")" : "");
  li.textContent = new Date(event.time).toLocaleTimeString() + "  " + type.toUpperCase() + "  " + what;
  const feed = $("feed");
  feed.prepend(li);
  while (feed.children.length > 200) feed.lastChild.remove();
}
function connect() {
  const source = new EventSource(withToken("events"));
  let opened = false;
  // Events sent while disconnected are gone: after a reconnect, reload what they would have changed.
  source.onopen = () => {
    $("stream").textContent = "live";
    if (opened) { poll(); if (symbol) loadChart(symbol); }
    opened = true;
  };
  source.onerror = () => { $("stream").textContent = "reconnecting"; };
  for (const type of ["bar", "order", "fill", "error", "state"]) {
    source.addEventListener(type, (message) => {
      const event = JSON.parse(message.data);
      addFeedRow(type, event);
      if (type === "bar") onBar(event.data);
      if (type === "fill" && event.data.symbol === symbol && series) { fills.push(event.data); redrawMarkers(); keepChartRecent(); }
      if (type !== "bar") schedulePoll();
    });
  }
}
// Fetched with the Authorization header and run from a blob URL, so the token stays out of the DOM.
const script = document.createElement("script");
fetch("assets/lightweight-charts.js", { headers: auth }).then((res) => res.ok ? res.blob() : Promise.reject(new Error("chart script: HTTP " + res.status)))
  .then((blob) => { script.src = URL.createObjectURL(blob); document.head.append(script); })
  .catch((error) => { $("problem").textContent = String(error.message || error); });
script.onload = () => {
  chart = LightweightCharts.createChart($("chart"), { autoSize: true, layout: { background: { color: "#161d24" }, textColor: "#d9e1e8" },
    grid: { vertLines: { color: "#1d262e" }, horzLines: { color: "#1d262e" } }, timeScale: { timeVisible: true } });
  series = chart.addSeries(LightweightCharts.CandlestickSeries, {});
  markers = LightweightCharts.createSeriesMarkers(series, []);
  if (symbol) loadChart(symbol);
};
connect(); poll(); setInterval(poll, 2000);
`;

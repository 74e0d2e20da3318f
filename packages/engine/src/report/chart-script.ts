/**
 * The report's browser script: reads the embedded JSON, draws candles with trade markers and the
 * equity curve in a second pane, then publishes `window.__argoReport` for tests and tools.
 */
export const CHART_SCRIPT = String.raw`(function () {
  "use strict";
  var LC = window.LightweightCharts;
  var data = JSON.parse(document.getElementById("argo-data").textContent);
  var container = document.getElementById("argo-chart");
  var chart = LC.createChart(container, {
    autoSize: true,
    layout: { background: { color: "#ffffff" }, textColor: "#333333", panes: { separatorColor: "#d0d0d0" } },
    timeScale: { timeVisible: data.intraday, secondsVisible: false },
    rightPriceScale: { borderVisible: false },
  });
  var candles = chart.addSeries(LC.CandlestickSeries, {
    upColor: "#26a69a", downColor: "#ef5350", wickUpColor: "#26a69a", wickDownColor: "#ef5350", borderVisible: false,
  });
  candles.setData(data.chart.candles);
  var markers = LC.createSeriesMarkers(candles, data.chart.markers);
  var equity = chart.addSeries(LC.LineSeries, { color: "#1f77b4", lineWidth: 2, title: "Equity" }, 1);
  equity.setData(data.chart.equity);
  var panes = chart.panes();
  if (panes.length > 1) panes[1].setHeight(Math.round(container.clientHeight * 0.3));
  chart.timeScale().fitContent();
  requestAnimationFrame(function () {
    window.__argoReport = {
      markers: markers.markers().length,
      candles: data.chart.candles.length,
      equityPoints: data.chart.equity.length,
    };
  });
})();`;

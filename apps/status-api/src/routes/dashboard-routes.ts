import type { Hono } from "hono";
import { chartScript } from "../dashboard/chart-asset.ts";
import { dashboardHtml } from "../dashboard/dashboard-html.ts";
import { noQuery } from "../http/no-query.ts";

/** GET / (the dashboard page) and GET /assets/lightweight-charts.js (the chart library it loads). */
export function registerDashboardRoutes(app: Hono): void {
  const html = dashboardHtml();
  app.get("/", noQuery, (c) => {
    // no-referrer: the page URL may carry ?token=, which must not travel in a Referer header.
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    return c.html(html);
  });
  app.get("/assets/lightweight-charts.js", noQuery, (c) => {
    c.header("Cache-Control", "private, max-age=3600");
    return c.body(chartScript() as Uint8Array<ArrayBuffer>, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });
}

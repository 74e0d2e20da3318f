import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { createStatusApi } from "../create-status-api.ts";
import { chartScriptPath } from "../dashboard/chart-asset.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";

const TOKEN = "dashboard-route-token";

describe("dashboard routes", () => {
  const app = createStatusApi(new MemoryStatusSession(), { token: TOKEN });

  test("GET / serves the page with ?token=, without embedding the token, and no-referrer", async () => {
    const res = await app.request(`/?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toStartWith("text/html");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).not.toContain(TOKEN);
    for (const id of ['id="positions"', 'id="orders"', 'id="feed"', 'id="chart"', 'id="equity"']) expect(html).toContain(id);
  });

  test("GET /assets/lightweight-charts.js serves the standalone build from node_modules", async () => {
    const res = await app.request("/assets/lightweight-charts.js", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toStartWith("text/javascript");
    const body = await res.text();
    expect(body).toBe(readFileSync(chartScriptPath(), "utf8"));
    expect(body).toContain("LightweightCharts");
  });

  test("the page and the chart script refuse an unknown query parameter with a 400 naming it", async () => {
    for (const path of [`/?token=${TOKEN}&theme=dark`, `/assets/lightweight-charts.js?token=${TOKEN}&theme=dark`]) {
      const res = await app.request(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(((await res.json()) as { error: { message: string } }).error.message).toStartWith('unknown query parameter "theme"');
    }
  });
});

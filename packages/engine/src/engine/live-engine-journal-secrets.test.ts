// A venue that refuses orders with the session's credentials in the refusal (as an SDK quoting its request headers
// would): the session journal must keep the refused order and the strategy state, with every secret spelled nowhere.
import { afterAll, describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest, REDACTED } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

const API_KEY = "ak-JOURNAL-5e7a91c2";
// A quote and a backslash: JSON text (the order's data column, the state values) spells this one escaped.
const PASSPHRASE = 'pp"JOUR\\nal-77';
/** Every spelling a leaked secret could take in the files: as is, and as JSON text escapes it. */
const FORMS = [API_KEY, PASSPHRASE, JSON.stringify(PASSPHRASE).slice(1, -1)];
const echo = (what: string) => `${what} (X-API-KEY: ${API_KEY}, X-PASSPHRASE: ${PASSPHRASE})`;

const root = mkdtempSync(join(tmpdir(), "argo-journal-secrets-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Refuses orders whose client id starts with "bad": a REJECTED event echoing the secrets, then the same refusal thrown. */
class EchoingVenue extends FakeVenue {
  protected override placeNow(request: OrderRequest): Order {
    if (!request.clientOrderId?.startsWith("bad")) return super.placeNow(request);
    const order: Order = {
      ...request, clientOrderId: request.clientOrderId, venueOrderId: `rej-${API_KEY}`, timeInForce: "GTC", status: "REJECTED",
      quantity: request.quantity ?? 0, filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: this.time, updatedAt: this.time,
      rejectReason: echo("margin check failed"),
    };
    this.orders.set(order.clientOrderId, order);
    this.emit({ type: "order", order: { ...order } });
    throw new ArgoError("BROKER_REJECTED", echo("order refused"));
  }
}

/** Every text the journal directory holds: each file's raw bytes, and every value of every table row. */
function journalText(dir: string): { files: Array<{ name: string; text: string }>; rows: string } {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, text: readFileSync(join(dir, entry.name)).toString("latin1") }));
  const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
  try {
    const tables = db.query("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const rows = tables.flatMap(({ name }) => db.query(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>);
    return { files, rows: rows.map((row) => Object.values(row).map(String).join("\t")).join("\n") };
  } finally {
    db.close();
  }
}

/** A session whose strategy sends one refused order and one good one, and keeps the last refusal reason in its state. */
function runSession(sessionDir: string, secrets?: readonly string[]) {
  const bars = barsFromCloses("BTC", [100, 101, 102, 103, 104]);
  return runEngine({
    bars,
    venue: new EchoingVenue(),
    engine: { sessionDir, ...(secrets ? { secrets } : {}) },
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (bar !== bars[1]) return;
        await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "bad-1" });
        await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "good-1" });
      },
      onOrderUpdate(order, ctx) {
        if (order.status === "REJECTED") ctx.state.set("lastRefusal", { id: order.clientOrderId, reason: order.rejectReason });
      },
    }),
  });
}

describe("secrets in the session journal", () => {
  test("a refusal echoing the secrets is journaled with each secret replaced by REDACTED, in every file and row", async () => {
    const dir = join(root, "scrubbed");
    const run = await runSession(dir, [API_KEY, PASSPHRASE]);
    expect(run.error).toBeUndefined();
    // Thrown and emitted, the refusal is reported once.
    expect(run.named("onOrderRejected").map(([r]) => (r as OrderRejection).request.clientOrderId)).toEqual(["bad-1"]);

    const { files, rows } = journalText(dir);
    expect(files.map((f) => f.name)).toContain("journal.sqlite");
    for (const form of FORMS) {
      expect({ form, inRows: rows.includes(form) }).toEqual({ form, inRows: false });
      for (const f of files) expect({ form, file: f.name, leaked: f.text.includes(form) }).toEqual({ form, file: f.name, leaked: false });
    }

    // Still journaled: the refused order (with its reason, scrubbed) beside the good one, and the strategy state.
    const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
    const orders = db.query("SELECT client_order_id AS id, venue_order_id AS venue, status, data FROM orders ORDER BY client_order_id").all() as Array<{
      id: string; venue: string; status: string; data: string;
    }>;
    const state = db.query("SELECT key, value FROM state").all() as Array<{ key: string; value: string }>;
    db.close();
    expect(orders.map((o) => [o.id, o.status])).toEqual([["bad-1", "REJECTED"], ["good-1", "FILLED"]]);
    const refused = JSON.parse(orders[0]!.data) as Order;
    const scrubbedReason = `margin check failed (X-API-KEY: ${REDACTED}, X-PASSPHRASE: ${REDACTED})`;
    expect(refused.rejectReason).toBe(scrubbedReason);
    expect(refused.venueOrderId).toBe(`rej-${REDACTED}`);
    expect(orders[0]!.venue).toBe(`rej-${REDACTED}`);
    expect(state).toHaveLength(1);
    expect(JSON.parse(state[0]!.value)).toEqual({ id: "bad-1", reason: scrubbedReason });
  });

  test("without secrets the journal stores what the venue sent (so the test above sees a real echo)", async () => {
    const dir = join(root, "verbatim");
    await runSession(dir);
    const { rows } = journalText(dir);
    expect(rows).toContain(API_KEY);
    expect(rows).toContain(JSON.stringify(PASSPHRASE).slice(1, -1)); // the data column and state are JSON text
    expect(rows).not.toContain(REDACTED);
  });
});

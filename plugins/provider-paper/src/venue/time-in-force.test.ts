import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";

const HOUR = 3_600_000;
const END_OF_DAY = Date.UTC(2024, 0, 3);

describe("time in force", () => {
  test("IOC fills what the first eligible bar allows and expires the rest", async () => {
    const { venue, feed, events } = await harness({ maxVolumeShare: 0.1 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 8, timeInForce: "IOC", clientOrderId: "ioc" });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 50 });
    const order = await venue.getOrder("ioc");
    expect(order.status).toBe("EXPIRED");
    expect(order.filledQuantity).toBe(5);
    const statuses = events.filter((e) => e.type === "order").map((e) => (e.type === "order" ? e.order.status : ""));
    expect(statuses).toEqual(["ACCEPTED", "PARTIALLY_FILLED", "EXPIRED"]);
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(5);
  });

  test("an IOC limit the first eligible bar does not reach expires unfilled", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 90, timeInForce: "IOC", clientOrderId: "ioc" });
    feed({ open: 100, high: 101, low: 95, close: 96 });
    const order = await venue.getOrder("ioc");
    expect(order.status).toBe("EXPIRED");
    expect(order.filledQuantity).toBe(0);
    feed({ open: 89, high: 89, low: 85, close: 86 });
    expect((await venue.getOrder("ioc")).filledQuantity).toBe(0);
  });

  test("an IOC stop waits for its trigger, then gets that one bar", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP", quantity: 1, stopPrice: 110, timeInForce: "IOC", clientOrderId: "ioc" });
    feed({ open: 100, high: 105, low: 99, close: 104 });
    expect((await venue.getOrder("ioc")).status).toBe("ACCEPTED");
    feed({ open: 104, high: 111, low: 104, close: 110 });
    expect((await venue.getOrder("ioc")).status).toBe("FILLED");
  });

  test("FOK fills everything on the first eligible bar or nothing", async () => {
    const { venue, feed } = await harness({ maxVolumeShare: 0.1 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 8, timeInForce: "FOK", clientOrderId: "too-big" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 4, timeInForce: "FOK", clientOrderId: "fits" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 90, timeInForce: "FOK", clientOrderId: "away" });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 50 });
    const tooBig = await venue.getOrder("too-big");
    expect(tooBig.status).toBe("EXPIRED");
    expect(tooBig.fills).toHaveLength(0);
    expect((await venue.getOrder("fits")).status).toBe("FILLED");
    expect((await venue.getOrder("away")).status).toBe("EXPIRED");
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(4);
  });

  test("DAY expires at the end of the UTC day it was placed, with or without a bar", async () => {
    const { venue, feed } = await harness({}, "1h");
    // The seed bar 00:00–01:00 has closed; placed at 01:00.
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, timeInForce: "DAY", clientOrderId: "day" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, timeInForce: "GTC", clientOrderId: "gtc" });
    for (let hour = 1; hour < 23; hour++) feed(100);
    expect((await venue.getOrder("day")).status).toBe("ACCEPTED");
    feed(100); // 23:00–24:00: the clock reaches midnight
    const expired = await venue.getOrder("day");
    expect(expired.status).toBe("EXPIRED");
    expect(expired.updatedAt).toBe(END_OF_DAY);
    feed({ open: 49, high: 49, low: 45, close: 46 });
    expect((await venue.getOrder("day")).filledQuantity).toBe(0);
    expect((await venue.getOrder("gtc")).status).toBe("FILLED");
  });

  test("setTime alone expires DAY orders once the day is over", async () => {
    const { venue } = await harness({}, "1h");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, timeInForce: "DAY", clientOrderId: "day" });
    venue.setTime(END_OF_DAY - 1);
    expect((await venue.getOrder("day")).status).toBe("ACCEPTED");
    venue.setTime(END_OF_DAY + 5 * HOUR);
    expect((await venue.getOrder("day")).status).toBe("EXPIRED");
    expect(await venue.getOpenOrders()).toHaveLength(0);
  });

  test("a DAY order fills during its day", async () => {
    const { venue, feed } = await harness({}, "1h");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, timeInForce: "DAY", clientOrderId: "day" });
    feed({ open: 100, high: 100, low: 98, close: 99 });
    expect((await venue.getOrder("day")).status).toBe("FILLED");
  });
});

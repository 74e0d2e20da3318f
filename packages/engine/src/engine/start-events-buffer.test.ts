import { describe, expect, test } from "bun:test";
import { LooseVenue } from "../test-fixtures/loose-venue.ts";
import { StartEvents } from "./start-events.ts";

describe("StartEvents", () => {
  const account = (balance: number) => ({ type: "account" as const, account: { currency: "USD", balance, equity: balance, buyingPower: balance, realizedPnl: 0, unrealizedPnl: 0, totalFees: 0, marginUsed: 0, updatedAt: balance } });

  test("hands the held events over in order, then forwards; one sent during the hand-over comes after the held ones", () => {
    const venue = new LooseVenue();
    const events = new StartEvents(venue);
    venue.send(account(1));
    venue.send(account(2));
    expect(events.size).toBe(2);
    const heard: number[] = [];
    const off = events.attach((event) => {
      if (event.type !== "account") return;
      heard.push(event.account.balance);
      if (event.account.balance === 1) venue.send(account(3));
    });
    venue.send(account(4));
    // By hand: 1 and 2 were held; 3 came while 1 was handed over, so after 2; 4 came after the hand-over.
    expect(heard).toEqual([1, 2, 3, 4]);
    off();
    venue.send(account(5));
    expect(heard).toEqual([1, 2, 3, 4]);
    events.close();
  });

  test("closed before a pipeline took over: nothing is held or handed over, and the venue keeps no listener", () => {
    const venue = new LooseVenue();
    let listening = 0;
    const on = venue.on.bind(venue);
    venue.on = (listener) => {
      listening++;
      const off = on(listener);
      return () => {
        listening--;
        return off();
      };
    };
    const events = new StartEvents(venue);
    venue.send(account(1));
    expect(listening).toBe(1);
    events.close();
    events.close();
    expect(listening).toBe(0);
    const heard: unknown[] = [];
    events.attach((event) => heard.push(event));
    venue.send(account(2));
    expect(heard).toEqual([]);
    expect(events.size).toBe(0);
  });
});

import { describe, expect, test } from "bun:test";
import { signalExit } from "./signal-exit.ts";

function harness() {
  const exits: number[] = [];
  const said: string[] = [];
  const signals = signalExit((code) => exits.push(code), (text) => said.push(text));
  return { signals, exits, said };
}

/** A piece of work the test finishes (or fails) when it chooses. */
function pendingWork() {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => promise, finish, fail };
}

describe("signalExit", () => {
  test("the first signal aborts with its name and does not exit; a second exits with 130", () => {
    const { signals, exits } = harness();
    signals.receive("SIGINT");
    expect([signals.signal.aborted, signals.signal.reason, exits]).toEqual([true, "SIGINT", []]);
    signals.receive("SIGTERM");
    expect(exits).toEqual([130]);
    // The reason stays the first signal's.
    expect(signals.signal.reason).toBe("SIGINT");
  });

  test("a second signal while results are written says so and exits only once the writing is done", async () => {
    const { signals, exits, said } = harness();
    signals.receive("SIGINT");
    const writing = pendingWork();
    const done = signals.uninterrupted(writing.work);
    signals.receive("SIGINT");
    signals.receive("SIGINT");
    expect(exits).toEqual([]);
    expect(said).toHaveLength(2);
    expect(said).toEqual(Array(2).fill("argo: results are being written; exiting once they are"));
    writing.finish("files");
    expect(await done).toBe("files");
    expect(exits).toEqual([130]);
  });

  test("one signal while results are written only says so: the command finishes as it would", async () => {
    const { signals, exits, said } = harness();
    const writing = pendingWork();
    const done = signals.uninterrupted(writing.work);
    signals.receive("SIGTERM");
    expect(signals.signal.aborted).toBe(true);
    writing.finish("files");
    expect(await done).toBe("files");
    expect(exits).toEqual([]);
    expect(said).toEqual(["argo: results are being written; stopping once they are"]);
  });

  test("writing that fails is not cut short: its error reaches the command, which exits with its own code", async () => {
    const { signals, exits } = harness();
    signals.receive("SIGINT");
    const writing = pendingWork();
    const done = signals.uninterrupted(writing.work);
    signals.receive("SIGINT");
    writing.fail(new Error("disk full"));
    await expect(done).rejects.toThrow("disk full");
    expect(exits).toEqual([]);
    // Once the writing is over, a further signal exits at once again.
    signals.receive("SIGINT");
    expect(exits).toEqual([130]);
  });

  test("signals before and after the writing keep their meaning", async () => {
    const { signals, exits, said } = harness();
    expect(await signals.uninterrupted(async () => 1)).toBe(1);
    signals.receive("SIGINT");
    expect(exits).toEqual([]);
    signals.receive("SIGINT");
    expect(exits).toEqual([130]);
    expect(said).toEqual([]);
  });
});

test("work that throws before it returns a promise still ends the writing", async () => {
  const { signals, exits } = harness();
  signals.receive("SIGINT");
  await expect(signals.uninterrupted(() => { throw new Error("bad title"); })).rejects.toThrow("bad title");
  signals.receive("SIGINT");
  expect(exits).toEqual([130]);
});

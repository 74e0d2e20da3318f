import { describe, expect, test } from "bun:test";
import { SAME_SIGNAL_WINDOW_MS, signalExit } from "./signal-exit.ts";

/** A signalExit on a clock the test moves: `later()` steps past the window, so the next signal is a deliberate one. */
function harness() {
  const exits: number[] = [];
  const said: string[] = [];
  let time = 1_000_000;
  const signals = signalExit((code) => exits.push(code), (text) => said.push(text), () => time);
  const advance = (ms: number) => void (time += ms);
  return { signals, exits, said, advance, later: () => advance(SAME_SIGNAL_WINDOW_MS) };
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
    const { signals, exits, later } = harness();
    signals.receive("SIGINT");
    expect([signals.signal.aborted, signals.signal.reason, exits]).toEqual([true, "SIGINT", []]);
    later();
    signals.receive("SIGTERM");
    expect(exits).toEqual([130]);
    // The reason stays the first signal's.
    expect(signals.signal.reason).toBe("SIGINT");
  });

  test("a second signal while results are written says so and exits only once the writing is done", async () => {
    const { signals, exits, said, later } = harness();
    signals.receive("SIGINT");
    const writing = pendingWork();
    const done = signals.uninterrupted(writing.work);
    later();
    signals.receive("SIGINT");
    later();
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
    const { signals, exits, later } = harness();
    signals.receive("SIGINT");
    const writing = pendingWork();
    const done = signals.uninterrupted(writing.work);
    later();
    signals.receive("SIGINT");
    writing.fail(new Error("disk full"));
    await expect(done).rejects.toThrow("disk full");
    expect(exits).toEqual([]);
    // Once the writing is over, a further signal exits at once again.
    later();
    signals.receive("SIGINT");
    expect(exits).toEqual([130]);
  });

  test("signals before and after the writing keep their meaning", async () => {
    const { signals, exits, said, later } = harness();
    expect(await signals.uninterrupted(async () => 1)).toBe(1);
    signals.receive("SIGINT");
    expect(exits).toEqual([]);
    later();
    signals.receive("SIGINT");
    expect(exits).toEqual([130]);
    expect(said).toEqual([]);
  });
});

test("work that throws before it returns a promise still ends the writing", async () => {
  const { signals, exits, later } = harness();
  signals.receive("SIGINT");
  await expect(signals.uninterrupted(() => { throw new Error("bad title"); })).rejects.toThrow("bad title");
  later();
  signals.receive("SIGINT");
  expect(exits).toEqual([130]);
});

describe("signalExit: one Ctrl-C through a wrapper arrives twice and is one stop", () => {
  test("a copy within the window only stops: no exit; a deliberate second after it still exits with 130", () => {
    const { signals, exits, advance } = harness();
    signals.receive("SIGINT");
    // The wrapper's forwarded copy, a millisecond later.
    advance(1);
    signals.receive("SIGINT");
    expect([signals.signal.aborted, exits]).toEqual([true, []]);
    // Still one keypress just under the window, measured from the first.
    advance(SAME_SIGNAL_WINDOW_MS - 2);
    signals.receive("SIGTERM");
    expect(exits).toEqual([]);
    advance(1);
    signals.receive("SIGINT");
    expect(exits).toEqual([130]);
  });

  test("a doubled first signal while results are written stops once, and the command ends with its own code", async () => {
    const { signals, exits, said, advance } = harness();
    const writing = pendingWork();
    const done = signals.uninterrupted(writing.work);
    signals.receive("SIGINT");
    advance(0.3);
    signals.receive("SIGINT");
    writing.finish("files");
    expect(await done).toBe("files");
    expect(exits).toEqual([]);
    expect(said).toEqual(["argo: results are being written; stopping once they are"]);
  });

  test("a doubled deliberate second signal while results are written says so once and exits once they are written", async () => {
    const { signals, exits, said, advance, later } = harness();
    signals.receive("SIGINT");
    const writing = pendingWork();
    const done = signals.uninterrupted(writing.work);
    later();
    signals.receive("SIGINT");
    advance(1);
    signals.receive("SIGINT");
    expect(said).toEqual(["argo: results are being written; exiting once they are"]);
    expect(exits).toEqual([]);
    writing.finish("files");
    await done;
    expect(exits).toEqual([130]);
  });
});

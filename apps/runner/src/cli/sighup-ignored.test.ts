import { describe, expect, test } from "bun:test";
import { sighupIgnored } from "./sighup-ignored.ts";

describe("whether SIGHUP was ignored at start (nohup)", () => {
  test("read from SigIgn's lowest bit", () => {
    expect(sighupIgnored(() => "Name:\tbun\nSigIgn:\t0000000000000001\nSigCgt:\t0\n")).toBe(true);
    expect(sighupIgnored(() => "SigIgn:\t0000000000001000\n")).toBe(false);
    expect(sighupIgnored(() => "SigIgn:\t0000000000000003\n")).toBe(true);
  });

  test("where it cannot be told (no /proc, no SigIgn line), taken as ignored: no listener over nohup", () => {
    expect(sighupIgnored(() => { throw new Error("ENOENT"); })).toBe(true);
    expect(sighupIgnored(() => "Name:\tbun\n")).toBe(true);
  });
});

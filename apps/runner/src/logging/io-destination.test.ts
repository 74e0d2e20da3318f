import { expect, test } from "bun:test";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { ioDestination } from "./io-destination.ts";

/** Writes one log line through the destination and waits until it is handed on. */
async function logThrough(errIsTerminal: boolean | undefined): Promise<string> {
  const captured = captureIo();
  if (errIsTerminal !== undefined) captured.io.errIsTerminal = errIsTerminal;
  const destination = ioDestination(captured.io);
  await new Promise<void>((done) => destination.write('{"msg":"strategy error"}\n', () => done()));
  return captured.stderr();
}

test("on a terminal a log line first clears the line it starts on (a progress bar's), elsewhere it is written as it is", async () => {
  expect(await logThrough(true)).toBe('\r\x1b[K{"msg":"strategy error"}\n');
  expect(await logThrough(false)).toBe('{"msg":"strategy error"}\n');
  expect(await logThrough(undefined)).toBe('{"msg":"strategy error"}\n');
});

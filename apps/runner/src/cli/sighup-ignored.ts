import { readFileSync } from "node:fs";

/**
 * Whether this process was started with SIGHUP ignored (`nohup argo run …`, to outlive an ssh logout): a listener would
 * replace that and stop the session when the terminal closes. Read from Linux's /proc/self/status (SigIgn, a hex mask
 * whose lowest bit is SIGHUP); where that cannot be read, taken as ignored, so a listener is never installed over it.
 */
export function sighupIgnored(status: () => string = () => readFileSync("/proc/self/status", "utf8")): boolean {
  let text: string;
  try {
    text = status();
  } catch {
    return true;
  }
  const mask = /^SigIgn:\s*([0-9a-f]+)$/im.exec(text)?.[1];
  return mask === undefined ? true : (Number.parseInt(mask.slice(-1), 16) & 1) === 1;
}

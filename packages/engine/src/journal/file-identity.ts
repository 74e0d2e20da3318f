import { type BigIntStats, fstatSync, statSync } from "node:fs";

/**
 * What tells one file from another: its device and inode. A path removed and created again names another file, and
 * while this process keeps the first one open its inode cannot be handed to the new one, so the two never compare equal.
 */
export interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
}

const identityOf = (stats: BigIntStats): FileIdentity => ({ dev: stats.dev, ino: stats.ino });

/** The identity of the file at `path` (throws as statSync does when there is none). */
export function fileIdentity(path: string): FileIdentity {
  return identityOf(statSync(path, { bigint: true }));
}

/** The identity of the file open as `fd`. */
export function openFileIdentity(fd: number): FileIdentity {
  return identityOf(fstatSync(fd, { bigint: true }));
}

/**
 * Whether `path` still names the file `identity` was taken of: false when it was removed (its directory with it),
 * replaced, or can no longer be looked at (then nothing says it is still the same file).
 */
export function isSameFile(path: string, identity: FileIdentity): boolean {
  try {
    const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    return stats !== undefined && stats.ino === identity.ino && stats.dev === identity.dev;
  } catch {
    return false;
  }
}

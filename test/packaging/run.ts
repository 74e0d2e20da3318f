/** Runs a command and returns its stdout; throws with stdout and stderr when it fails, so a test says why. */
export function run(cmd: string[], cwd: string, env: Record<string, string | undefined> = {}): string {
  const child = Bun.spawnSync(cmd, { cwd, env: { ...process.env, ...env }, stdout: "pipe", stderr: "pipe" });
  const out = child.stdout.toString();
  if (child.exitCode !== 0) throw new Error(`${cmd.join(" ")} failed (${child.exitCode}) in ${cwd}\n${out}\n${child.stderr.toString()}`);
  return out;
}

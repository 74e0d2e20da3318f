/** A mistake on the command line; the CLI prints it with the command's help and exits with EXIT.USAGE. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = "UsageError";
  }
}

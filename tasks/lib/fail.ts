/**
 * A plain `Error` for bad input or a state that rules the action out, raised before any
 * transaction. Its message names the option and what is wrong; the stack trace is dropped because
 * the Hardhat CLI prints it for non-Hardhat errors and it would only bury that one line.
 */
export class TaskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Error";
    this.stack = `Error: ${message}`;
  }
}

export function fail(message: string): never {
  throw new TaskError(message);
}

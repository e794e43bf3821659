/**
 * Throws a plain `Error` for bad input or a state that rules the action out, raised before any
 * transaction. Its message names the option and what is wrong. The stack trace is dropped: the
 * Hardhat CLI prints it for non-Hardhat errors, and it would only bury that one line.
 */
export function fail(message: string): never {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  throw error;
}

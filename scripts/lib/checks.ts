// The pass/fail tally of a script-run test (the smoke test, the indexer test): one line per check,
// "N passed, N failed" at the end, exit code 1 when any check failed.
let passed = 0;
let failed = 0;

/** Records one check and prints it with its detail. */
export function check(name: string, ok: boolean, detail = ""): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? "✔" : "✖"} ${name}${detail ? ` — ${detail}` : ""}`);
}

/** Prints the tally and exits: 0 when every check passed. */
export function finishChecks(): never {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

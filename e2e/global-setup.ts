// Runs once, after `npm start` (the web server) is up and before any test: the ENS stand-in goes onto
// the local chain first, so every view's ENS lookups get an answer ("no name") from the first test on.
import { installEnsStub } from "./support/ensStub.js";

export default async function globalSetup(): Promise<void> {
  await installEnsStub();
}

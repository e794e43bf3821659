// One salt record format: a trustee commits in one tool and reveals in the other, through one export document.
import { expect } from "chai";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Address } from "viem";

import { fileSaltStore } from "@fef/sdk/node/saltFile";
import {
  type KeyValueStorage,
  browserSaltStore,
  exportSalts,
  importSalts,
  memorySaltStore,
  saltRecord,
} from "@fef/sdk/salts";
import { sealEstimate } from "@fef/sdk/seal";

const ROUNDS = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address;
const TRUSTEE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const SALT = `0x${"11".repeat(32)}` as const;

function record(applicationId: bigint, probabilityBps: number, salt: `0x${string}` = SALT) {
  return saltRecord({
    chainId: 31337,
    grantRounds: ROUNDS,
    trustee: TRUSTEE,
    applicationId,
    probabilityBps,
    effortMonths: 12,
    stipend: 10n ** 18n,
    salt,
  });
}

/** localStorage as the browser has it, in memory. */
function fakeLocalStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("SDK: salt records", function () {
  let dir: string;
  beforeEach(function () {
    dir = mkdtempSync(path.join(tmpdir(), "fef-salts-"));
  });
  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it("moves records from the CLI's file to the browser and back, idempotently", function () {
    const file = fileSaltStore(path.join(dir, ".fef", "estimate-salts.json"));
    file.put(record(1n, 6500));
    file.put(record(2n, 100));
    const browser = browserSaltStore(fakeLocalStorage());
    expect(importSalts(browser, exportSalts(file))).to.deep.equal({ added: 2, unchanged: 0 });
    expect(importSalts(browser, exportSalts(file))).to.deep.equal({ added: 0, unchanged: 2 });
    expect(browser.get(record(1n, 6500))).to.deep.equal(record(1n, 6500));
    browser.put(record(3n, 42));
    const back = fileSaltStore(path.join(dir, "other.json"));
    expect(importSalts(back, exportSalts(browser))).to.deep.equal({ added: 3, unchanged: 0 });
    expect(back.get(record(3n, 42))?.sealedEstimate).to.equal(
      sealEstimate({
        chainId: 31337,
        grantRounds: ROUNDS,
        trustee: TRUSTEE,
        applicationId: 3n,
        probabilityBps: 42,
        effortMonths: 12,
        stipend: 10n ** 18n,
        salt: SALT,
      }),
    );
  });

  it("keeps the file readable by its owner only", function () {
    const file = path.join(dir, ".fef", "estimate-salts.json");
    fileSaltStore(file).put(record(1n, 1));
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).to.equal(0o700);
  });

  it("refuses a conflicting record, and imports nothing of a document that has one", function () {
    const store = memorySaltStore([record(1n, 6500)]);
    expect(() => store.put(record(1n, 7000))).to.throw("A different estimate is already stored");
    const other = memorySaltStore([record(1n, 7000), record(2n, 5)]);
    expect(() => importSalts(store, exportSalts(other))).to.throw("nothing was imported");
    expect(store.list()).to.have.length(1);
  });

  it("names what is wrong with a bad document", function () {
    const store = memorySaltStore();
    expect(() => importSalts(store, "{")).to.throw("Not JSON");
    expect(() => importSalts(store, { records: [] })).to.throw('"format" must be "fef.estimate-salts"');
    const good = JSON.parse(exportSalts(memorySaltStore([record(1n, 6500)]))) as {
      records: Record<string, unknown>[];
    };
    const tampered = { ...good, records: [{ ...good.records[0], probabilityBps: 6501 }] };
    expect(() => importSalts(store, tampered)).to.throw("do not hash to its sealedEstimate");
    const cutEffort = { ...good, records: [{ ...good.records[0], effortMonths: 11 }] };
    expect(() => importSalts(store, cutEffort)).to.throw("do not hash to its sealedEstimate");
    const oldVersion = { ...good, version: 1 };
    expect(() => importSalts(store, oldVersion)).to.throw("Unsupported estimate-salts version 1");
    const oldRecord = { ...good, records: [{ ...good.records[0], version: 1 }] };
    expect(() => importSalts(store, oldRecord)).to.throw("a version-1 record (probability only)");
    const badSalt = { ...good, records: [{ ...good.records[0], salt: "0x12" }] };
    expect(() => importSalts(store, badSalt)).to.throw("records[0].salt: expected 32 bytes");
    expect(store.list()).to.have.length(0);
  });

  it("refuses the probability-only files of before version 2 rather than reveal the wrong estimate", function () {
    const legacyFile = path.join(dir, "legacy.json");
    writeFileSync(
      legacyFile,
      JSON.stringify({
        [`31337/${ROUNDS.toLowerCase()}/${TRUSTEE.toLowerCase()}/4`]: { estimateBps: 2500, salt: SALT },
      }),
    );
    expect(() => fileSaltStore(legacyFile).list()).to.throw("is not an estimate-salts document");
    const storage = fakeLocalStorage();
    storage.setItem(
      `fef.salt:31337:${ROUNDS.toLowerCase()}:${TRUSTEE.toLowerCase()}:4`,
      JSON.stringify({ estimateBps: 2500, salt: SALT }),
    );
    expect(browserSaltStore(storage).list()).to.deep.equal([]);
  });
});

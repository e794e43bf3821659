// An application's content hash, computed by every client from a description or a file.
import { expect } from "chai";
import { keccak256, toBytes } from "viem";

import { contentHashOf } from "@fef/sdk/contentHash";
import { checkUri, MAX_URI_BYTES } from "@fef/sdk/uri";

describe("sdk: contentHashOf", function () {
  it("hashes a description's UTF-8 bytes and a file's bytes alike", function () {
    const text = "Sparse probes — reward models";
    expect(contentHashOf(text)).to.equal(keccak256(toBytes(text)));
    expect(contentHashOf(new TextEncoder().encode(text))).to.equal(contentHashOf(text));
    expect(contentHashOf("a")).to.not.equal(contentHashOf("b"));
  });

  it("refuses a link longer than the contracts store, counted in bytes", function () {
    const fits = `https://example.org/${"é".repeat((MAX_URI_BYTES - 20) / 2)}`;
    expect(new TextEncoder().encode(fits).length).to.equal(MAX_URI_BYTES);
    expect(checkUri(fits).ok).to.equal(true);
    const long = `${fits}a`;
    expect(checkUri(long)).to.deep.equal({
      ok: false,
      error: `URI is ${MAX_URI_BYTES + 1} bytes long; at most ${MAX_URI_BYTES} are allowed.`,
    });
  });
});

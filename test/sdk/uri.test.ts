// The link and content-hash checks every client applies to an application before it is sent.
import { expect } from "chai";
import { keccak256, toBytes } from "viem";

import { contentHashOf } from "@fef/sdk/contentHash";
import { checkUri, MAX_URI_BYTES } from "@fef/sdk/uri";

describe("SDK checkUri and contentHashOf", function () {
  it("accepts https, http and ipfs links, trimmed", function () {
    expect(checkUri("  https://example.org/proposal.pdf ")).to.deep.equal({
      ok: true,
      uri: "https://example.org/proposal.pdf",
    });
    expect(checkUri("http://10.0.0.1:8080/p").ok).to.equal(true);
    expect(
      checkUri("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/readme.md"),
    ).to.deep.equal({
      ok: true,
      uri: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/readme.md",
    });
  });

  it("refuses other schemes, missing hosts or CIDs, spaces, emptiness and over-long links, in words", function () {
    const refused = (input: string) => {
      const result = checkUri(input);
      if (result.ok) throw new Error(`accepted ${input}`);
      return result.message;
    };
    expect(refused("javascript:alert(1)")).to.equal(
      "Links starting with javascript: are not accepted: use https://… or ipfs://…",
    );
    expect(refused("data:text/html,<b>hi</b>")).to.contain("data: are not accepted");
    expect(refused("file:///etc/passwd")).to.contain("file: are not accepted");
    expect(refused("example.org/proposal")).to.equal("A link starts with https:// or ipfs://");
    expect(refused("https:/example.org")).to.equal("A web link needs a host: https://example.org/…");
    expect(refused("ipfs://")).to.equal("An IPFS link is ipfs:// followed by a content id (CID).");
    expect(refused("https://example.org/a b")).to.equal("A link cannot contain spaces.");
    expect(refused("   ")).to.equal("Enter a link: https://… or ipfs://…");
    const long = `https://example.org/${"a".repeat(MAX_URI_BYTES)}`;
    expect(refused(long)).to.equal(
      `The link is ${new TextEncoder().encode(long).length} bytes long; at most ${MAX_URI_BYTES} are allowed.`,
    );
  });

  it("hashes a description's UTF-8 bytes and a file's bytes alike", function () {
    const text = "Sparse probes — reward models";
    expect(contentHashOf(text)).to.equal(keccak256(toBytes(text)));
    expect(contentHashOf(new TextEncoder().encode(text))).to.equal(contentHashOf(text));
    expect(contentHashOf("a")).to.not.equal(contentHashOf("b"));
  });
});

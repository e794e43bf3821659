// URIs typed by people: only web pages and IPFS content are stored or rendered as links.
import { expect } from "chai";

import { checkUri, uriHref } from "@fef/sdk/uri";

const CID = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

describe("sdk: checkUri / uriHref", function () {
  it("accepts http(s) and ipfs URIs, trimmed and with the scheme lower-cased", function () {
    expect(checkUri("  https://example.org/paper.pdf ")).to.deep.equal({
      ok: true,
      value: "https://example.org/paper.pdf",
    });
    expect(checkUri("HTTP://example.org/a?b=1#c")).to.deep.equal({
      ok: true,
      value: "http://example.org/a?b=1#c",
    });
    expect(checkUri(`IPFS://${CID}/data.json`)).to.deep.equal({
      ok: true,
      value: `ipfs://${CID}/data.json`,
    });
  });

  it("refuses scripts, data, other schemes and malformed addresses with plain words", function () {
    for (const attack of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<b>x</b>",
      "vbscript:x",
      "file:///etc/passwd",
      "ftp://example.org",
    ]) {
      const checked = checkUri(attack);
      expect(checked.ok, attack).to.equal(false);
      if (!checked.ok)
        expect(checked.error).to.match(/^URI must start with https:\/\/, http:\/\/ or ipfs:\/\//);
      expect(uriHref(attack), attack).to.equal(null);
    }
    expect(checkUri("")).to.deep.equal({ ok: false, error: "URI is required." });
    expect(checkUri("https://exa mple.org", "Proposal URI")).to.deep.equal({
      ok: false,
      error: "Proposal URI must not contain spaces.",
    });
    expect(checkUri("http:example.org").ok).to.equal(false);
    expect(checkUri("https://user:secret@example.org").ok).to.equal(false);
    expect(checkUri("ipfs://").ok).to.equal(false);
    expect(checkUri("ipfs:///x").ok).to.equal(false);
    expect(checkUri("ipfs://<script>").ok).to.equal(false);
    expect(checkUri(`https://example.org/${"a".repeat(2_100)}`).ok).to.equal(false);
  });

  it("links ipfs content through a gateway and web pages as they are", function () {
    expect(uriHref(`ipfs://${CID}`)).to.equal(`https://ipfs.io/ipfs/${CID}`);
    expect(uriHref(`ipfs://${CID}`, "https://gw.example/ipfs/")).to.equal(`https://gw.example/ipfs/${CID}`);
    expect(uriHref("https://example.org/x")).to.equal("https://example.org/x");
  });
});

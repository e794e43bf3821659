// Links the Fund records on-chain (proposal URIs) must be readable by anyone: only http(s) and ipfs.
// `checkUri` is the one check every client applies before a URI goes into a transaction.

/** Longest URI the contracts store or record, in bytes (`TextBounds.MAX_URI_LENGTH`). */
export const MAX_URI_BYTES = 256;

const IPFS = /^ipfs:\/\/[^\s/?#]+(?:[/?#]\S*)?$/;

/**
 * Checks a URI typed by a user: trimmed, 1 to 256 bytes, and either `http(s)://host…` (a URL with a
 * host) or `ipfs://<cid>[/path]`. Any other scheme (javascript:, data:, file: …) is refused.
 */
export function checkUri(input: string): { ok: true; uri: string } | { ok: false; message: string } {
  const uri = input.trim();
  if (uri === "") return { ok: false, message: "Enter a link: https://… or ipfs://…" };
  const bytes = new TextEncoder().encode(uri).length;
  if (bytes > MAX_URI_BYTES) {
    return { ok: false, message: `The link is ${bytes} bytes long; at most ${MAX_URI_BYTES} are allowed.` };
  }
  if (/\s/.test(uri)) return { ok: false, message: "A link cannot contain spaces." };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === "ipfs") {
    return IPFS.test(uri)
      ? { ok: true, uri }
      : { ok: false, message: "An IPFS link is ipfs:// followed by a content id (CID)." };
  }
  if (scheme === "http" || scheme === "https") {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return { ok: false, message: "This is not a valid web address." };
    }
    if (!uri.toLowerCase().startsWith(`${scheme}://`) || url.hostname === "") {
      return { ok: false, message: "A web link needs a host: https://example.org/…" };
    }
    return { ok: true, uri };
  }
  return {
    ok: false,
    message: scheme
      ? `Links starting with ${scheme}: are not accepted: use https://… or ipfs://…`
      : "A link starts with https:// or ipfs://",
  };
}

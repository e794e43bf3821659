import type { Checked } from "./validate.ts";

/** The schemes a URI stored by the Fund may use: web pages and IPFS content. */
export const URI_SCHEMES = ["https", "http", "ipfs"] as const;
export type UriScheme = (typeof URI_SCHEMES)[number];

/** The public gateway an `ipfs://` URI opens through when a page renders it as a link. */
export const DEFAULT_IPFS_GATEWAY = "https://ipfs.io/ipfs/";

/** Longest URI the contracts store or record, in bytes (`TextBounds.MAX_URI_LENGTH`). */
export const MAX_URI_BYTES = 256;

/**
 * Checks a URI typed by a person: only `http(s)://host/…` and `ipfs://<cid>[/path]` are accepted
 * (never `javascript:`, `data:` or a bare word). Returns the normalized URI (trimmed, the scheme
 * lower-cased) or an error in plain words.
 */
export function checkUri(text: string, label = "URI"): Checked<string> {
  const t = text.trim();
  if (!t) return { ok: false, error: `${label} is required.` };
  const bytes = new TextEncoder().encode(t).length;
  if (bytes > MAX_URI_BYTES)
    return { ok: false, error: `${label} is ${bytes} bytes long; at most ${MAX_URI_BYTES} are allowed.` };
  if (/\s/.test(t)) return { ok: false, error: `${label} must not contain spaces.` };
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(t);
  const scheme = schemeMatch?.[1]?.toLowerCase();
  if (!scheme || !isUriScheme(scheme))
    return {
      ok: false,
      error: `${label} must start with https://, http:// or ipfs:// (for example https://example.org/paper.pdf or ipfs://bafy…).`,
    };
  if (scheme === "ipfs") {
    const rest = t.slice(scheme.length + 1).replace(/^\/\//, "");
    const cid = rest.split("/")[0] ?? "";
    if (!/^[a-zA-Z0-9._-]+$/.test(cid))
      return {
        ok: false,
        error: `${label} must name IPFS content after ipfs:// (for example ipfs://bafy…).`,
      };
    return { ok: true, value: `ipfs://${rest}` };
  }
  if (!t.slice(scheme.length + 1).startsWith("//"))
    return { ok: false, error: `${label} must start with ${scheme}:// followed by a web site.` };
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return { ok: false, error: `${label} is not a valid web address.` };
  }
  if (!url.hostname) return { ok: false, error: `${label} must name a web site after ${scheme}://.` };
  if (url.username || url.password)
    return { ok: false, error: `${label} must not contain a user name or password.` };
  return { ok: true, value: `${scheme}${t.slice(scheme.length)}` };
}

/**
 * The address a page may link to for a stored URI: http(s) as is, `ipfs://` through `gateway`;
 * `null` for anything else (which is then shown as plain text, never as a link).
 */
export function uriHref(uri: string, gateway = DEFAULT_IPFS_GATEWAY): string | null {
  const checked = checkUri(uri);
  if (!checked.ok) return null;
  const value = checked.value;
  if (value.startsWith("ipfs://")) return `${gateway}${value.slice("ipfs://".length)}`;
  return value;
}

function isUriScheme(value: string): value is UriScheme {
  return (URI_SCHEMES as readonly string[]).includes(value);
}

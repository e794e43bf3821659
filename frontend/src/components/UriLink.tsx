import { uriHref } from "@fef/sdk/uri";

/**
 * A stored URI as a link when it is http(s) or ipfs (opened through a gateway, in a new tab, without
 * referrer); anything else (e.g. `javascript:`) is shown as plain text, never as a link.
 */
export function UriLink({ uri, label }: { readonly uri: string; readonly label?: string }) {
  const href = uriHref(uri);
  if (!href)
    return (
      <span className="break" title="Not an http(s) or ipfs address: not opened as a link">
        {uri}
      </span>
    );
  return (
    <a className="break" href={href} target="_blank" rel="noopener noreferrer" data-testid="uri-link">
      {label ?? uri}
    </a>
  );
}

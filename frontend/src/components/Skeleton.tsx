/** A placeholder in the shape of the page while the Fund is read: a headline row and two cards. */
export function Skeleton({ label = "Loading the Fund…" }: { readonly label?: string }) {
  return (
    <div className="skeleton" aria-busy="true" data-testid="skeleton">
      <p className="muted">{label}</p>
      <span aria-hidden="true" style={{ width: "60%" }} />
      <span aria-hidden="true" className="block" />
      <span aria-hidden="true" style={{ width: "80%" }} />
      <span aria-hidden="true" className="block" />
    </div>
  );
}

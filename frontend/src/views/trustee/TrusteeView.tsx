export function TrusteeView() {
  return <p>todo</p>;
}

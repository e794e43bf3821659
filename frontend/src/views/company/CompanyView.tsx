export function CompanyView() {
  return <p>todo</p>;
}

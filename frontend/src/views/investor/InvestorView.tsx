export function InvestorView() {
  return <p>todo</p>;
}

export function ResearcherView() {
  return <p>todo</p>;
}

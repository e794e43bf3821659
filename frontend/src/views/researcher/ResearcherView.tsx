import { ReturnsClaim } from "../../components/ReturnsClaim";
import { useFund } from "../../hooks/useFund";
import { ApplyForm } from "./ApplyForm";
import { MyApplications } from "./MyApplications";

/** Apply, follow applications and vesting, claim shares, stipends and returns. */
export function ResearcherView() {
  const { account } = useFund();
  if (!account) return <p className="notice">Connect an account to apply and claim.</p>;
  return (
    <div className="stack">
      <ApplyForm />
      <MyApplications />
      <ReturnsClaim />
    </div>
  );
}

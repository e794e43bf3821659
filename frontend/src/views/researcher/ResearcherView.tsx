import { ReturnsClaim } from "../../components/ReturnsClaim";
import { useFund } from "../../hooks/useFund";
import { ApplyForm } from "./ApplyForm";
import { EarlierAwards } from "./EarlierAwards";
import { MyApplications } from "./MyApplications";

/** Apply, follow applications and vesting, claim shares, stipends and returns (on earlier grant-rounds modules too). */
export function ResearcherView() {
  const { account } = useFund();
  if (!account) return <p className="notice">Connect an account to apply and claim.</p>;
  return (
    <div className="stack">
      <ApplyForm />
      <MyApplications />
      <EarlierAwards />
      <ReturnsClaim />
    </div>
  );
}

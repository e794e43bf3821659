import { AccountActivity } from "../../components/AccountActivity";
import { ReturnsClaim } from "../../components/ReturnsClaim";
import { useFund } from "../../hooks/useFund";
import { ApplyForm } from "./ApplyForm";
import { EarlierAwards } from "./EarlierAwards";
import { MyApplications } from "./MyApplications";
import { ResearcherHome } from "./ResearcherHome";

/** What to claim first, then applications and vesting (on earlier grant-rounds modules too), returns, then applying. */
export function ResearcherView() {
  const { account } = useFund();
  if (!account) return <p className="notice">Connect an account to apply and claim.</p>;
  return (
    <div className="stack">
      <ResearcherHome />
      <MyApplications />
      <EarlierAwards />
      <ReturnsClaim />
      <ApplyForm />
      <AccountActivity account={account} />
    </div>
  );
}

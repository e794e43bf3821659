import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";

import { decodeError, errorFormat } from "@fef/sdk/errors";

import { DevPanel } from "./components/DevPanel";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Header } from "./components/Header";
import { NetworkBanner } from "./components/NetworkBanner";
import { Skeleton } from "./components/Skeleton";
import { TxStatus } from "./components/TxStatus";
import { useFund } from "./hooks/useFund";
import { CompanyView } from "./views/company/CompanyView";
import { InvestorView } from "./views/investor/InvestorView";
import { OverviewView } from "./views/overview/OverviewView";
import { ResearcherView } from "./views/researcher/ResearcherView";
import { TrusteeView } from "./views/trustee/TrusteeView";
import { TrusteesView } from "./views/trustees/TrusteesView";

const views = [
  { id: "overview", label: "Fund overview" },
  { id: "trustee", label: "Trustee" },
  { id: "researcher", label: "Researcher" },
  { id: "company", label: "Company" },
  { id: "investor", label: "Investor" },
  { id: "trustees", label: "Trustees" },
] as const;

type ViewId = (typeof views)[number]["id"];

const viewComponents: Readonly<Record<ViewId, () => ReactNode>> = {
  overview: OverviewView,
  trustee: TrusteeView,
  researcher: ResearcherView,
  company: CompanyView,
  investor: InvestorView,
  trustees: TrusteesView,
};

function viewFromHash(): ViewId {
  const id = window.location.hash.replace(/^#\/?/, "");
  return views.find((v) => v.id === id)?.id ?? "overview";
}

function Body({ view }: { view: ViewId }) {
  const { deployment, snapshot, error, loading, assets, chainId, retry } = useFund();
  if (!deployment?.addresses.FundLens) {
    return (
      <p className="notice" role="alert">
        The Fund is not deployed on chain {chainId} (no FundLens in the generated deployments). Switch to a
        chain where it is deployed, or deploy it and regenerate the bindings.
      </p>
    );
  }
  if (error && !snapshot) {
    return (
      <section className="error-screen" role="alert" data-testid="read-error">
        <h2>The Fund could not be read</h2>
        <p>{decodeError(error, errorFormat(assets)).message}</p>
        <button type="button" onClick={retry} data-testid="read-retry">
          Retry
        </button>
      </section>
    );
  }
  if (loading || !snapshot) return <Skeleton />;
  const View = viewComponents[view];
  return <View />;
}

export function App() {
  const [view, setView] = useState<ViewId>(viewFromHash);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const title = views.find((v) => v.id === view)?.label ?? "";
  useEffect(() => {
    document.title = `${title} — Future Endowment Fund`;
  }, [title]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <NetworkBanner />
      <nav className="tabs" aria-label="Views">
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <a
                href={`#/${v.id}`}
                aria-current={v.id === view ? "page" : undefined}
                data-testid={`nav-${v.id}`}
              >
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="layout">
        <main id="main" tabIndex={-1}>
          <h1 className="visually-hidden">{title}</h1>
          <QueryErrorResetBoundary>
            {({ reset }) => (
              <ErrorBoundary resetKey={view} onRetry={reset}>
                <Body view={view} />
              </ErrorBoundary>
            )}
          </QueryErrorResetBoundary>
          <DevPanel />
        </main>
        <aside className="tx-aside" aria-label="Transaction status">
          <TxStatus />
        </aside>
      </div>
      <footer className="site-footer">
        <p>
          Future Endowment Fund — shares, grants, offerings and Promises of Future Returns, on-chain. Amounts
          are read live from the contracts; history comes from event logs.
        </p>
      </footer>
    </>
  );
}

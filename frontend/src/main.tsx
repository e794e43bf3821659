import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";

import { App } from "./App";
import { FundProvider } from "./hooks/useFund";
import { TxProvider } from "./hooks/useTx";
import "./styles/tokens.css";
import "./styles.css";
import "./styles/layout.css";
import "./styles/components.css";
import { config } from "./wagmi";

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const root = document.getElementById("root");
if (!root) throw new Error("missing #root");

createRoot(root).render(
  <StrictMode>
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <FundProvider>
          <TxProvider>
            <App />
          </TxProvider>
        </FundProvider>
      </QueryClientProvider>
    </WagmiProvider>
  </StrictMode>,
);

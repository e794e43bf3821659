// Where the dashboard and the chain of `npm start` listen (FEF_UI_PORT / FEF_RPC_PORT move both,
// exactly as they move `npm start`).
export { DASHBOARD_URL, INDEXER_URL, RPC_PORT, RPC_URL, UI_PORT } from "../../scripts/lib/ports.js";

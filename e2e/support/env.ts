// Where the dashboard and the chain of `npm start` listen (FEF_UI_PORT / FEF_RPC_PORT move both,
// exactly as they move `npm start`).
export const RPC_PORT = Number(process.env.FEF_RPC_PORT ?? 8545);
export const UI_PORT = Number(process.env.FEF_UI_PORT ?? 4173);
export const RPC_URL = `http://127.0.0.1:${RPC_PORT}`;
export const DASHBOARD_URL = `http://127.0.0.1:${UI_PORT}/`;

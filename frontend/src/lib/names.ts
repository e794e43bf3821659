// Where ENS names come from: Ethereum mainnet, through VITE_MAINNET_RPC_URL. Without that setting the
// dashboard shows plain addresses and never asks a public endpoint about the addresses it displays.
import { mainnet } from "wagmi/chains";

export const ENS_CHAIN_ID = mainnet.id;
export const ensEnabled = Boolean(import.meta.env.VITE_MAINNET_RPC_URL);

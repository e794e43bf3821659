// Deploys the LocalFund Ignition module to the local demo chain (run by `npm start`).
// Same module and parameters as `hardhat ignition deploy ignition/modules/LocalFund.ts`, but the
// receipt polling interval suits an automining local node (Ignition's default of 1 s per poll is
// tuned for public networks and makes the local deployment take over a minute).
import { network } from "hardhat";

import LocalFundModule from "../ignition/modules/LocalFund.js";

const { ethers, ignition } = await network.create();
const chainId = (await ethers.provider.getNetwork()).chainId;
if (chainId !== 31337n)
  throw new Error(`deploy-local targets the local demo chain (31337), not chain ${chainId}.`);

await ignition.deploy(LocalFundModule, {
  parameters: "ignition/parameters/localhost.json",
  deploymentId: `chain-${chainId}`,
  config: { blockPollingInterval: 50 },
  displayUi: true,
});

// ENS names without any outside network: the dashboard of the browser tests is built with its mainnet
// transport (VITE_MAINNET_RPC_URL) pointing at the local chain, and the code of FixedNamesEnsResolverMock
// is put at ENS's universal resolver address there, so the dashboard's ENS lookups (reverse
// resolution, then the avatar text record) reach that stand-in. It names only the addresses a test
// gives it; every other address resolves to no name, as on mainnet.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

import { type Abi, type Address, type Hex, encodeFunctionData, namehash } from "viem";
import { mainnet } from "viem/chains";

import { devAccount, fundAddress, rpc, sendAs } from "./chain.js";

/** The universal resolver the dashboard asks (viem's mainnet definition). */
export const UNIVERSAL_RESOLVER: Address = mainnet.contracts.ensUniversalResolver.address;

const SOURCE = "contracts/mocks/FixedNamesEnsResolverMock.sol";
const ARTIFACT = new URL(
  "../../artifacts/contracts/mocks/FixedNamesEnsResolverMock.sol/FixedNamesEnsResolverMock.json",
  import.meta.url,
).pathname;

/** The stand-in's artifact (a test double, outside the SDK's bindings), compiled first when `npm start` (which skips test doubles) left none. */
function artifact(): { abi: Abi; deployedBytecode: Hex } {
  if (!existsSync(ARTIFACT)) {
    const root = new URL("../..", import.meta.url).pathname;
    const build = spawnSync("hardhat", ["build", "--no-tests", "--quiet", SOURCE], {
      cwd: root,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error(`Could not compile ${SOURCE}`);
  }
  return JSON.parse(readFileSync(ARTIFACT, "utf8")) as { abi: Abi; deployedBytecode: Hex };
}

/** Puts `code` at `address` unless it is already there. */
async function putCode(address: Address, code: Hex): Promise<void> {
  if ((await rpc<Hex>("eth_getCode", [address, "latest"])) === code) return;
  await rpc("hardhat_setCode", [address, code]);
}

/**
 * Puts the stand-in at the universal resolver's address (idempotent: names set earlier stay), and the
 * local deployment's Multicall3 at its canonical mainnet address: wagmi batches the mainnet client's
 * reads through it, as on mainnet.
 */
export async function installEnsStub(): Promise<void> {
  await putCode(UNIVERSAL_RESOLVER, artifact().deployedBytecode);
  await putCode(
    mainnet.contracts.multicall3.address,
    await rpc<Hex>("eth_getCode", [fundAddress("Multicall3"), "latest"]),
  );
}

/** Gives `account` the primary name `name` with the avatar `avatar` (a URL or data URI). */
export async function nameAddress(account: Address, name: string, avatar: string): Promise<void> {
  const data = encodeFunctionData({
    abi: artifact().abi,
    functionName: "setName",
    args: [account, name, namehash(name), avatar],
  });
  await sendAs(await devAccount(0), UNIVERSAL_RESOLVER, data);
}

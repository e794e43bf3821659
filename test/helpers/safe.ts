// A real Safe 1.4.1 on the Hardhat network, from the bytecode the Safe team published in
// `@safe-global/safe-contracts@1.4.1` (the audited build; compiling Safe from source would need solc
// 0.7.6). Only the artifacts are read: the package's ethers-5 peer is never loaded (package.json's
// `overrides` lets it install beside ethers 6).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { AbiCoder, Contract, ZeroAddress, concat } from "ethers";
import type { ContractTransactionReceipt, InterfaceAbi, TypedDataDomain } from "ethers";

const require = createRequire(import.meta.url);

interface Artifact {
  abi: InterfaceAbi;
  bytecode: string;
}

function artifact(path: string): Artifact {
  const file = require.resolve(`@safe-global/safe-contracts/build/artifacts/contracts/${path}.json`);
  const { abi, bytecode } = JSON.parse(readFileSync(file, "utf8")) as Artifact;
  return { abi, bytecode };
}

const SAFE = artifact("Safe.sol/Safe");
const PROXY_FACTORY = artifact("proxies/SafeProxyFactory.sol/SafeProxyFactory");
const FALLBACK_HANDLER = artifact("handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler");

/** The Safe's 4-byte ERC-1271 answer for a valid `isValidSignature(bytes32,bytes)`. */
export const ERC1271_MAGIC_VALUE = "0x1626ba7e";

/** The three contracts every Safe of a chain shares. */
export interface SafeSuite {
  singleton: Contract;
  factory: Contract;
  /** CompatibilityFallbackHandler: answers ERC-1271 `isValidSignature` on the Safe's behalf. */
  fallbackHandler: Contract;
}

async function deploy(ethers: HardhatEthers, { abi, bytecode }: Artifact): Promise<Contract> {
  const [deployer] = await ethers.getSigners();
  const factory = new ethers.ContractFactory(abi, bytecode, deployer);
  const contract = await factory.deploy();
  await contract.waitForDeployment();
  return new Contract(await contract.getAddress(), abi, deployer);
}

/** Deploys the Safe 1.4.1 singleton, proxy factory and compatibility fallback handler. */
export async function deploySafeSuite(ethers: HardhatEthers): Promise<SafeSuite> {
  return {
    singleton: await deploy(ethers, SAFE),
    factory: await deploy(ethers, PROXY_FACTORY),
    fallbackHandler: await deploy(ethers, FALLBACK_HANDLER),
  };
}

/** Safe's `Enum.Operation`. */
const CALL = 0;

/** The EIP-712 type of a Safe transaction (Safe 1.4.1). */
const SAFE_TX_TYPES = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};

/** The EIP-712 type the compatibility fallback handler checks for ERC-1271 (Safe 1.4.1). */
const SAFE_MESSAGE_TYPES = { SafeMessage: [{ name: "message", type: "bytes" }] };

/** A call the Safe makes: target, calldata and ETH sent. */
export interface SafeCall {
  to: string;
  data: string;
  value?: bigint;
}

/** A Safe proxy with its owners (Hardhat signers) and threshold. */
export class SafeWallet {
  constructor(
    readonly address: string,
    /** the proxy, with the Safe singleton's ABI */
    readonly safe: Contract,
    /** the proxy, with the fallback handler's ABI (ERC-1271 reads go through the fallback) */
    readonly asHandler: Contract,
    readonly owners: readonly HardhatEthersSigner[],
    readonly threshold: number,
  ) {}

  private async domain(): Promise<TypedDataDomain> {
    const provider = this.safe.runner?.provider;
    if (!provider) throw new Error("the Safe handle has no provider");
    return { chainId: (await provider.getNetwork()).chainId, verifyingContract: this.address };
  }

  /**
   * `signers` sign the Safe transaction `call` (EIP-712, exactly as Safe{Wallet} asks each owner);
   * the signatures come back concatenated in ascending owner order, as `checkSignatures` requires.
   */
  async signTransaction(call: SafeCall, signers: readonly HardhatEthersSigner[], nonce?: bigint) {
    const message = {
      to: call.to,
      value: call.value ?? 0n,
      data: call.data,
      operation: CALL,
      safeTxGas: 0n,
      baseGas: 0n,
      gasPrice: 0n,
      gasToken: ZeroAddress,
      refundReceiver: ZeroAddress,
      nonce: nonce ?? ((await this.safe.getFunction("nonce")()) as bigint),
    };
    const domain = await this.domain();
    return sortedSignatures(signers, (signer) => signer.signTypedData(domain, SAFE_TX_TYPES, message));
  }

  /**
   * Has `signers` sign `call` and `executor` (any account) submit it with `execTransaction`.
   * Reverts when the signatures do not meet the Safe's threshold, or when the call fails (Safe
   * 1.4.1 reverts with GS013 when an inner call fails without gas refunds).
   */
  async execute(
    call: SafeCall,
    signers: readonly HardhatEthersSigner[],
    executor: HardhatEthersSigner,
  ): Promise<ContractTransactionReceipt> {
    const signatures = await this.signTransaction(call, signers);
    const exec = this.safe.connect(executor).getFunction("execTransaction");
    const tx = await exec(
      call.to,
      call.value ?? 0n,
      call.data,
      CALL,
      0n,
      0n,
      0n,
      ZeroAddress,
      ZeroAddress,
      signatures,
    );
    const receipt = (await tx.wait()) as ContractTransactionReceipt | null;
    if (!receipt) throw new Error("execTransaction was not mined");
    return receipt;
  }

  /**
   * The Safe's ERC-1271 signature of a 32-byte hash (e.g. an EIP-712 digest): each of `signers`
   * signs `SafeMessage(bytes message)` with `message = abi.encode(hash)` under the Safe's domain,
   * which is what `CompatibilityFallbackHandler.isValidSignature(bytes32,bytes)` verifies.
   */
  async signHash(hash: string, signers: readonly HardhatEthersSigner[]): Promise<`0x${string}`> {
    const message = { message: AbiCoder.defaultAbiCoder().encode(["bytes32"], [hash]) };
    const domain = await this.domain();
    return sortedSignatures(signers, (signer) => signer.signTypedData(domain, SAFE_MESSAGE_TYPES, message));
  }

  /** The Safe's own ERC-1271 answer for `hash` and `signature` (the bytes32 overload, called directly). */
  async isValidSignature(hash: string, signature: string): Promise<string> {
    return (await this.asHandler.getFunction("isValidSignature(bytes32,bytes)")(hash, signature)) as string;
  }
}

async function sortedSignatures(
  signers: readonly HardhatEthersSigner[],
  sign: (signer: HardhatEthersSigner) => Promise<string>,
): Promise<`0x${string}`> {
  const ordered = [...signers].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
  const signatures: string[] = [];
  for (const signer of ordered) signatures.push(await sign(signer));
  return concat(signatures) as `0x${string}`;
}

/**
 * Creates a Safe proxy (`createProxyWithNonce`) owned by `owners` with `threshold`, whose fallback
 * handler is the suite's CompatibilityFallbackHandler, exactly as Safe{Wallet} sets one up.
 */
export async function createSafe(
  ethers: HardhatEthers,
  suite: SafeSuite,
  owners: readonly HardhatEthersSigner[],
  threshold: number,
  saltNonce = 0n,
): Promise<SafeWallet> {
  const initializer = suite.singleton.interface.encodeFunctionData("setup", [
    owners.map((owner) => owner.address),
    threshold,
    ZeroAddress,
    "0x",
    await suite.fallbackHandler.getAddress(),
    ZeroAddress,
    0n,
    ZeroAddress,
  ]);
  const singleton = await suite.singleton.getAddress();
  const create = suite.factory.getFunction("createProxyWithNonce");
  const address = (await create.staticCall(singleton, initializer, saltNonce)) as string;
  await (await create(singleton, initializer, saltNonce)).wait();
  const [runner] = await ethers.getSigners();
  return new SafeWallet(
    address,
    new Contract(address, SAFE.abi, runner),
    new Contract(address, FALLBACK_HANDLER.abi, runner),
    owners,
    threshold,
  );
}

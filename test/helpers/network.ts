import { network } from "hardhat";

/**
 * A network connection of its own for one test file, with the helpers most files take from it:
 * `loadFixture`, `time` and an ABI coder for council action arguments.
 */
export async function connect() {
  const connection = await network.create();
  const { loadFixture, time } = connection.networkHelpers;
  return { ...connection, loadFixture, time, coder: connection.ethers.AbiCoder.defaultAbiCoder() };
}

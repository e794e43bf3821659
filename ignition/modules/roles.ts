import { keccak256, toHex, zeroHash } from "viem";

/** AccessControl role ids, as the contracts compute them. */
export const DEFAULT_ADMIN_ROLE = zeroHash;
export const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
export const DEPOSITOR_ROLE = keccak256(toHex("DEPOSITOR_ROLE"));
export const STIPEND_ROLE = keccak256(toHex("STIPEND_ROLE"));

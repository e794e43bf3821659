import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "artifacts/",
      "cache/",
      "coverage/",
      "types/",
      "reports/",
      "frontend/dist/",
      "packages/sdk/src/generated/",
      "ignition/deployments/",
      "indexer/.ponder/",
      "indexer/.ponder-bench/",
      "indexer/generated/",
      "indexer/ponder-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The tasks are clients of the SDK on viem (hardhat-viem): no ethers, no typechain bindings, no
    // ABI, route, typed data or error message of their own.
    files: ["tasks/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["ethers", "ethers/*"], message: "Tasks use viem and @fef/sdk." },
            { group: ["@nomicfoundation/hardhat-ethers*"], message: "Tasks use hardhat-viem." },
            { group: ["**/types/ethers-contracts*"], message: "Tasks use the SDK's generated ABIs." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='parseAbi']",
          message: "ABIs come from @fef/sdk/generated/abis.",
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);

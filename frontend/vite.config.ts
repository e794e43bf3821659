import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server may serve files of the root node_modules, even when it is a symlink to a shared install.
const nodeModules = realpathSync(fileURLToPath(new URL("../node_modules", import.meta.url)));

export default defineConfig({
  plugins: [react()],
  server: { fs: { allow: ["..", nodeModules] } },
  // The budget is 350 kB of gzipped JS for the whole app (one chunk); the 500 kB minified warning does not apply.
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1_000 },
});
